/** An in-process single-node KRaft Kafka broker (broker and controller in one). */
@NullMarked
package id.pantau.localstack.kafka;

import org.jspecify.annotations.NullMarked;
