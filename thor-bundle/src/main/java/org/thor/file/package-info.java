/**
 * The log-file source connector and its task: they configure the streams, poll them into records
 * and hand them to Connect. Uses every package below; none of them uses this one.
 */
package org.thor.file;
