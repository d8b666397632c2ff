/** An Elasticsearch node run as a child process from the integ-test distribution zip. */
@NullMarked
package id.pantau.localstack.elasticsearch;

import org.jspecify.annotations.NullMarked;
