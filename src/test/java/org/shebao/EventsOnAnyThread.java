package org.shebao;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * The events of one type published on any thread while it is open, for a Modulith {@code Scenario} to wait for:
 * {@code scenario.stimulate(...).andWaitForStateChange(() -> recorded.first(e -> ...))}.
 *
 * <p>Why not {@code andWaitForEventOfType}: Modulith 1.4's {@code Scenario} sees the events published on the test's
 * thread and on threads started from it, so it sees an event a service publishes when the test calls it; it misses
 * one that an {@code @ApplicationModuleListener} publishes in answer to another event, on a pooled thread of the async
 * executor started earlier (spring-modulith#1564; Modulith 2.1 sees events of every thread).
 */
public final class EventsOnAnyThread<E> implements ApplicationListener<ApplicationEvent>, AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final Class<E> type;
    private final List<E> seen = new CopyOnWriteArrayList<>();

    private EventsOnAnyThread(ConfigurableApplicationContext context, Class<E> type) {
        this.context = context;
        this.type = type;
    }

    /** Starts recording the events of the type; close to stop. */
    public static <E> EventsOnAnyThread<E> record(ConfigurableApplicationContext context, Class<E> type) {
        EventsOnAnyThread<E> events = new EventsOnAnyThread<>(context, type);
        context.addApplicationListener(events);
        return events;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> p && type.isInstance(p.getPayload())) {
            seen.add(type.cast(p.getPayload()));
        }
    }

    /** The first recorded event that matches, or null (the Scenario's “not yet”). */
    public E first(Predicate<? super E> matching) {
        return seen.stream().filter(matching).findFirst().orElse(null);
    }

    /** Every recorded event that matches, in the order published. */
    public List<E> all(Predicate<? super E> matching) {
        return seen.stream().filter(matching).toList();
    }

    @Override
    public void close() {
        context.removeApplicationListener(this);
    }
}
