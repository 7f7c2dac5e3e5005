package org.factlab.runs;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every connection to an H2 file database runs {@code SET WRITE_DELAY 0}, so each commit reaches the file at once
 * and a killed server loses at most the step in flight, whatever {@code spring.datasource.url} says.
 */
@Component
class H2Durability implements BeanPostProcessor {

    static final String SQL = "SET WRITE_DELAY 0";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && isH2File(pool.getJdbcUrl())) {
            String init = pool.getConnectionInitSql();
            pool.setConnectionInitSql(init == null || init.isBlank() ? SQL : init + "; " + SQL);
        }
        return bean;
    }

    static boolean isH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }
}
