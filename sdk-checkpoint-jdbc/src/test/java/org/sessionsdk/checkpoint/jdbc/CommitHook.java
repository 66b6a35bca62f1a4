package org.sessionsdk.checkpoint.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source whose connections run a hook in place of {@code commit()}: how a test puts a crash,
 * or a commit whose answer is lost, exactly between the writes and the commit. Everything else goes
 * to the real connection.
 */
final class CommitHook {
    /** What runs instead of the commit; it may commit the real connection itself. */
    interface Hook {
        void commit(Connection real) throws SQLException;
    }

    private CommitHook() {
    }

    static DataSource wrap(DataSource real, Hook hook) {
        return proxy(DataSource.class, real, (method, args) -> {
            Object result = method.invoke(real, args);
            return method.getName().equals("getConnection") ? connection((Connection) result, hook) : result;
        });
    }

    private static Connection connection(Connection real, Hook hook) {
        return proxy(Connection.class, real, (method, args) -> {
            if (method.getName().equals("commit") && method.getParameterCount() == 0) {
                hook.commit(real);
                return null;
            }
            return method.invoke(real, args);
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T real, Call call) {
        InvocationHandler h = (p, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CommitHook.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
