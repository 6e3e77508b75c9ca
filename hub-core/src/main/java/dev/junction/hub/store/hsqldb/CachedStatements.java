package dev.junction.hub.store.hsqldb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a connection's prepared statements open for reuse. HSQLDB frees a compiled statement as soon as the
 * last JDBC statement using it closes, so the DAOs' prepare–execute–close pattern recompiled every SQL on every
 * use (parsing was about a fifth of the store's CPU in the throughput profile). The DAOs keep that pattern; the
 * connection handed to them returns a cached statement whose {@code close()} only clears its parameters.
 * Least recently used statements beyond {@link #MAX_PER_CONNECTION} (queries with IN lists of varying
 * length, admin filters) are closed for real. A connection is used by one thread at a time (see {@link Jdbc}).
 */
final class CachedStatements implements InvocationHandler {
    static final int MAX_PER_CONNECTION = 64;

    private final Connection raw;
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_PER_CONNECTION) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException ignored) {
                // closing a statement we no longer use
            }
            return true;
        }
    };

    private CachedStatements(Connection raw) {
        this.raw = raw;
    }

    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new CachedStatements(raw));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                && (args.length == 1 || args.length == 2 && (args[1] instanceof Integer || args[1] instanceof String[]))) {
            String key = args.length == 1 ? sql
                    : (args[1] instanceof String[] columns ? String.join(",", columns) : args[1]) + "|" + sql;
            PreparedStatement ps = cache.get(key);
            if (ps == null || ps.isClosed()) {
                ps = args.length == 1 ? raw.prepareStatement(sql)
                        : args[1] instanceof String[] columns ? raw.prepareStatement(sql, columns)
                        : raw.prepareStatement(sql, (Integer) args[1]);
                cache.put(key, ps);
            }
            return reusable(ps);
        }
        if (method.getName().equals("close")) {
            cache.clear();
        }
        try {
            return method.invoke(raw, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The statement, with {@code close()} meaning "done for now". */
    private static PreparedStatement reusable(PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().equals("close") && (a == null || a.length == 0)) {
                        ps.clearParameters();
                        ps.clearBatch();
                        return null;
                    }
                    if (m.getName().equals("isClosed")) {
                        return false;
                    }
                    try {
                        return m.invoke(ps, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
