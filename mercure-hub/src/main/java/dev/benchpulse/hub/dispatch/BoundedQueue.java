package dev.benchpulse.hub.dispatch;

import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.util.concurrent.Queues;

/**
 * The queue behind one subscriber's sink: it grows in small chunks only while updates wait (an idle subscriber
 * holds a few dozen bytes), and refuses new updates past its bound so that one stalled client cannot exhaust memory.
 */
final class BoundedQueue<T> extends AbstractQueue<T> {

    private final Queue<T> delegate = Queues.<T>unbounded(16).get();
    private final AtomicInteger size = new AtomicInteger();
    private final int bound;

    BoundedQueue(int bound) {
        this.bound = bound;
    }

    @Override
    public boolean offer(T item) {
        if (size.get() >= bound) {
            return false;
        }
        size.incrementAndGet();
        return delegate.offer(item);
    }

    @Override
    public T poll() {
        T item = delegate.poll();
        if (item != null) {
            size.decrementAndGet();
        }
        return item;
    }

    @Override
    public T peek() {
        return delegate.peek();
    }

    @Override
    public int size() {
        return size.get();
    }

    @Override
    public boolean isEmpty() {
        return delegate.isEmpty();
    }

    @Override
    public void clear() {
        while (poll() != null) {
            // drop what is left: the subscriber is gone
        }
    }

    @Override
    public Iterator<T> iterator() {
        throw new UnsupportedOperationException("not iterable");
    }
}
