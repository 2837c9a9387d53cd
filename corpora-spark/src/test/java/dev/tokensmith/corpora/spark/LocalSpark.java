package dev.tokensmith.corpora.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** One local Spark context for all tests of this module (one per JVM; Spark stops it when the JVM exits). */
final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {}

    static synchronized JavaSparkContext context() {
        if (context == null) {
            context = new JavaSparkContext(new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("corpora-spark tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1"));
        }
        return context;
    }
}
