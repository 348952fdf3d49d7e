/**
 * The {@code imr} command line (picocli): each subcommand maps its options to a request and calls
 * the library; it holds no business logic. {@link org.imrindex.cli.Imr#run} returns the exit code.
 */
package org.imrindex.cli;
