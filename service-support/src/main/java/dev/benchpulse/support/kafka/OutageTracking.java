package dev.benchpulse.support.kafka;

import dev.benchpulse.support.outage.DependencyOutages;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * Tells {@link DependencyOutages} what the consumers see: a delivery that failed for a reason other than the
 * record's own fault keeps its consumer thread waiting for that dependency; the next record or batch the thread
 * processes successfully ends its wait. The consumer thread's name is the waiter.
 */
final class OutageTracking
        implements RetryListener, RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    private final DependencyOutages outages;

    OutageTracking(DependencyOutages outages) {
        this.outages = outages;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        if (!Failures.badRecord(failure)) {
            outages.failing(Failures.dependency(failure), Thread.currentThread().getName(), failure);
        }
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(
            ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        outages.restored(Thread.currentThread().getName());
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        outages.restored(Thread.currentThread().getName());
    }
}
