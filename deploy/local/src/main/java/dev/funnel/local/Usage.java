package dev.funnel.local;

/** What {@code --help} prints. */
final class Usage {

    static final String TEXT = """
            Runs the whole funnel platform on this machine: Keycloak, Kafka (KRaft), PostgreSQL 17, the services
            and the web app (http://localhost:8080 by default; sign in there with a user of the local realm).

            usage: ./run-local [--reset] [--demo] [--full-jit] [--<name>-port=N ...] [--data-dir=DIR]

              --reset                  start from empty data (deletes the data directory first)
              --demo                   load a twelve-week small-business story through the APIs, then print
                                       the funnel, hunting vs farming, whether each technique is kept up,
                                       and each technique's harvest
                                       (meant for a fresh start: ./run-local --reset --demo)
              --full-jit               the services and the web app compile with C2 as in a cluster: faster
                                       under load, slower to start, more memory (for measuring throughput)
              --data-dir=DIR           where data and logs live (default .funnel-local, env FUNNEL_DATA_DIR)
              --kafka-port=N           Kafka client port (default 9092, env FUNNEL_KAFKA_PORT)
              --kafka-controller-port=N  KRaft controller port (default 9093, env FUNNEL_KAFKA_CONTROLLER_PORT)
              --postgres-port=N        embedded PostgreSQL port (default 15432, env FUNNEL_POSTGRES_PORT)
              --activity-port=N        activity-service (default 8081, env FUNNEL_ACTIVITY_PORT)
              --prospect-port=N        prospect-service (default 8082, env FUNNEL_PROSPECT_PORT)
              --objection-port=N       objection-service (default 8083, env FUNNEL_OBJECTION_PORT)
              --analytics-port=N       analytics-service (default 8084, env FUNNEL_ANALYTICS_PORT)
              --<name>-management-port=N  a service's health, metrics and OpenAPI (defaults 9081 to 9084,
                                       env FUNNEL_<NAME>_MANAGEMENT_PORT, e.g. --prospect-management-port)
              --web-port=N             the web app's pages (default 8080, env FUNNEL_WEB_PORT); Keycloak's realm
                                       lets the client funnel-web return to this port only
              --web-management-port=N  the web app's health (default 9080, env FUNNEL_WEB_MANAGEMENT_PORT)
              --keycloak-port=N        Keycloak (default 8180, env FUNNEL_KEYCLOAK_PORT)

            FUNNEL_OIDC_URL: the services and the web app trust that OIDC issuer instead (e.g.
            https://login.example.com/realms/funnel) and no Keycloak is started; --demo then signs in there
            with the local realm's users (client funnel-cli, password grant), and the web app as the local
            realm's client funnel-web with its secret, so that provider needs them too.

            FUNNEL_DB_URL, FUNNEL_DB_USER, FUNNEL_DB_PASSWORD: use that PostgreSQL server instead of the
            embedded one (FUNNEL_DB_URL is the JDBC URL of any database on it, e.g.
            jdbc:postgresql://db:5432/postgres); one database per service is created there if missing.

            Ctrl-C (or SIGTERM) stops the web app and the services, then Kafka, PostgreSQL and Keycloak. Data
            stays for the next start.
            """;

    private Usage() {
    }
}
