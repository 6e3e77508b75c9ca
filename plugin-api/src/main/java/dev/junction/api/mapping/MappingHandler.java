package dev.junction.api.mapping;

/**
 * A pure function from one record type to another (native JSON ↔ canonical), given mapping tables and the
 * flow's options. Pure so it can be unit-tested, benchmarked alone and previewed as a dry run: no I/O, no
 * clock reads, no randomness. Throws {@link dev.junction.api.error.PermanentException} for input it
 * cannot map (with the field and value at fault) or {@link dev.junction.api.error.SkipException}.
 */
@FunctionalInterface
public interface MappingHandler<I, O> {
    O map(I input, MappingContext context);
}
