package dev.funnel.local;

/** What {@code --help} prints. */
final class Usage {

    static final String TEXT = """
            Runs the whole funnel platform on this machine: Keycloak, Kafka (KRaft), PostgreSQL 17 and the services.

            usage: ./run-local [--reset] [--demo] [--<name>-port=N ...] [--data-dir=DIR]

              --reset                  start from empty data (deletes the data directory first)
              --demo                   load a twelve-week small-business story through the APIs, then print
                                       the funnel, hunting vs farming, whether each technique is kept up,
                                       and each technique's harvest
                                       (meant for a fresh start: ./run-local --reset --demo)
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
              --keycloak-port=N        Keycloak (default 8180, env FUNNEL_KEYCLOAK_PORT)

            FUNNEL_OIDC_URL: the services trust that OIDC issuer instead (e.g.
            https://login.example.com/realms/funnel) and no Keycloak is started; --demo then signs in there
            with the local realm's users (client funnel-cli, password grant), so that provider needs them too.

            FUNNEL_DB_URL, FUNNEL_DB_USER, FUNNEL_DB_PASSWORD: use that PostgreSQL server instead of the
            embedded one (FUNNEL_DB_URL is the JDBC URL of any database on it, e.g.
            jdbc:postgresql://db:5432/postgres); one database per service is created there if missing.

            Ctrl-C (or SIGTERM) stops the services, then Kafka, PostgreSQL and Keycloak. Data stays for the next
            start.
            """;

    private Usage() {
    }
}
