package dev.funnel.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Prints what a consumer pays per record to read a contract event off Kafka ({@link KafkaCloudEvents#decode}), and
 * how much of it is the payload's JSON alone ({@link EventJson#fromBytes(String, byte[])}): JMH, average time per
 * record over every sample event type in turn. Run with {@code ./mvnw -pl events verify -Pbenchmarks}; see
 * BENCHMARKS.md.
 */
@Tag("benchmark")
public class DecodeBenchmark {

    @Test
    void decodingARecord() throws Exception {
        for (RunResult result : new Runner(new OptionsBuilder()
                .include(DecodeBenchmark.class.getName() + "\\.Records\\.")
                .shouldFailOnError(true)
                .build()).run()) {
            System.out.printf("BENCHMARK events %s: %.0f ns per record (+- %.0f)%n",
                    result.getParams().getBenchmark().replaceFirst(".*\\.", ""),
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError());
        }
    }

    /** The JMH state and methods; JMH generates its harness from these at test-compile time. */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public static class Records {

        private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        private int next;

        @Setup
        public void consumeEverySample() {
            for (FunnelEvent event : EventSamples.all()) {
                ProducerRecord<String, byte[]> sent = KafkaCloudEvents.toRecord(UUID.randomUUID(),
                        "/funnel/prospect-service", event);
                records.add(new ConsumerRecord<>(sent.topic(), 0, 0L, ConsumerRecord.NO_TIMESTAMP,
                        TimestampType.NO_TIMESTAMP_TYPE, 0, 0, sent.key().getBytes(), sent.value(), sent.headers(),
                        Optional.empty()));
                assertThat(KafkaCloudEvents.decode(records.get(records.size() - 1)))
                        .isInstanceOf(ReceivedEvent.class);
            }
        }

        private ConsumerRecord<byte[], byte[]> nextRecord() {
            next = next + 1 == records.size() ? 0 : next + 1;
            return records.get(next);
        }

        @Benchmark
        public DecodedRecord wholeRecord() {
            return KafkaCloudEvents.decode(nextRecord());
        }

        @Benchmark
        public FunnelEvent payloadOnly() {
            ConsumerRecord<byte[], byte[]> record = nextRecord();
            return EventJson.fromBytes(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value()),
                    record.value());
        }
    }
}
