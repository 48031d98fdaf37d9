package dev.funnel.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Apache Kafka in a container, for machines with a Docker engine ({@code -Pcontainers}). An outage is a
 * paused container: the port mapping and the data survive, as with the embedded broker.
 */
public final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafkaBroker start(String image) {
        KafkaContainer container = new KafkaContainer(image);
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void restart() {
        DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void close() {
        container.stop();
    }
}
