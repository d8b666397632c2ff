/** Runs the whole pipeline on its embedded default: the local stack, then the three services. */
@NullMarked
package id.pantau.launcher;

import org.jspecify.annotations.NullMarked;
