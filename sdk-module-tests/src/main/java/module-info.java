/**
 * An application outside the SDK, as a user would write it: it requires the SDK's modules by name
 * (here through the testkit, which reads every vendor module transitively) and nothing else of ours.
 * The SDK's qualified exports do not name it, so it sees exactly what any user module sees.
 */
module example.sessions.app {
    requires org.sessionsdk.testkit;
    requires org.sessionsdk.export;
    requires org.sessionsdk.opentelemetry;
    requires org.sessionsdk.checkpoint.jdbc;
    // for the test that compiles snippets against the SDK's modules
    requires java.compiler;

    exports example.sessions.app;
}
