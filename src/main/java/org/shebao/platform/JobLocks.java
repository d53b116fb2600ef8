package org.shebao.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work that must not run on two nodes at once (retrying undelivered events) takes a named lock in
 * {@code platform_job_lock} through ShedLock; the lock's times come from the database's clock, so nodes whose clocks
 * differ still agree. A node that dies holding a lock loses it at its "at most" time. Work that all nodes share out
 * needs no job lock: the outbox and the payroll's chunks are taken row by row with {@code FOR UPDATE SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
class JobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("platform_job_lock").usingDbTime()
                .build());
    }

    @Bean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }
}
