package org.thor.benchmark;

import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;

/**
 * The Java heap of another JVM on this machine, read through its local management agent (started
 * with the JDK's attach API, so the measured JVM needs no JMX port or password of its own).
 */
final class HeapProbe implements AutoCloseable {

    record Heap(long usedMegabytes, long committedMegabytes) {
    }

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    private HeapProbe(JMXConnector connector, MemoryMXBean memory) {
        this.connector = connector;
        this.memory = memory;
    }

    static HeapProbe attach(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        return new HeapProbe(connector, memory);
    }

    Heap heap() {
        MemoryUsage usage = memory.getHeapMemoryUsage();
        return new Heap(usage.getUsed() >> 20, usage.getCommitted() >> 20);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
