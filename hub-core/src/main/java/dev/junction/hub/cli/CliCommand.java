package dev.junction.hub.cli;

/** A subcommand contributed by another module (found with {@link java.util.ServiceLoader}). */
public interface CliCommand {
    String name();

    /** A picocli command object (annotated with {@code @Command}). */
    Object command();
}
