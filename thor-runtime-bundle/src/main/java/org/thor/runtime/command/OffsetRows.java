package org.thor.runtime.command;

import org.apache.karaf.shell.support.table.ShellTable;
import org.thor.runtime.ConnectorOffset;
import org.thor.runtime.OffsetDescriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stored offsets of a connector as table rows: one per file where the connector's bundle
 * describes its offsets ({@link OffsetDescriber}), else the offset as it is stored.
 */
final class OffsetRows {

    record Row(String partition, String file, String position, String size, String behind) {
    }

    private OffsetRows() {
    }

    static List<Row> of(List<ConnectorOffset> offsets, OffsetDescriber describer) {
        List<Row> rows = new ArrayList<>();
        for (ConnectorOffset offset : offsets) {
            String partition = Format.map(offset.partition());
            Optional<List<OffsetDescriber.FileRow>> files = describer == null || offset.offset() == null
                    ? Optional.empty() : describer.files(offset.partition(), offset.offset());
            if (files.isPresent()) {
                files.get().forEach(file -> rows.add(new Row(partition, file.file(), file.position(), file.size(), file.behind())));
            } else {
                rows.add(new Row(partition, "", Format.map(offset.offset()), "", ""));
            }
        }
        return rows;
    }

    static ShellTable table(List<Row> rows) {
        ShellTable table = new ShellTable();
        table.column("Partition");
        table.column("File");
        table.column("Position").alignRight();
        table.column("Size").alignRight();
        table.column("Behind").alignRight();
        for (Row row : rows) {
            table.addRow().addContent(row.partition(), row.file(), row.position(), row.size(), row.behind());
        }
        return table;
    }
}
