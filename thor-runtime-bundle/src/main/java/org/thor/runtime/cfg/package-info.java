/**
 * What Thor reads of configuration admin beyond what it holds: the references to Connect's config
 * providers as they are written in the {@code .cfg} files, and which keys hold secrets.
 */
package org.thor.runtime.cfg;
