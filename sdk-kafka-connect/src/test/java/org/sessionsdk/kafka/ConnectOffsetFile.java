package org.sessionsdk.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.runtime.standalone.StandaloneConfig;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.apache.kafka.connect.storage.OffsetStorageReaderImpl;
import org.apache.kafka.connect.storage.OffsetStorageWriter;

/**
 * Connect's own offset storage as a standalone worker keeps it: a file of serialized partition to
 * serialized offset, written and read through the worker's internal JSON converters. Unlike a map of
 * partition objects it finds an offset only under the same bytes, as a real worker does.
 */
final class ConnectOffsetFile implements AutoCloseable {
    private final String connector;
    private final JsonConverter keys = converter(true);
    private final JsonConverter values = converter(false);
    private final FileOffsetBackingStore store;
    private final OffsetStorageWriter writer;
    private final OffsetStorageReaderImpl reader;

    ConnectOffsetFile(Path file, String connector) {
        this.connector = connector;
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", "127.0.0.1:9"); // never contacted: offsets live in the file
        worker.put("key.converter", JsonConverter.class.getName());
        worker.put("value.converter", JsonConverter.class.getName());
        worker.put("offset.storage.file.filename", file.toString());
        store = new FileOffsetBackingStore(keys);
        store.configure(new StandaloneConfig(worker));
        store.start();
        writer = new OffsetStorageWriter(store, connector, keys, values);
        reader = new OffsetStorageReaderImpl(store, connector, keys, values);
    }

    /** The worker's internal converters: JSON without schemas. */
    static JsonConverter converter(boolean isKey) {
        JsonConverter c = new JsonConverter();
        c.configure(Map.of("schemas.enable", "false"), isKey);
        return c;
    }

    OffsetStorageReader reader() {
        return reader;
    }

    /** Commits the records' offsets as the worker does after the producer acknowledged them. */
    void commit(List<SourceRecord> records) throws Exception {
        for (SourceRecord r : records) {
            writer.offset(r.sourcePartition(), r.sourceOffset());
        }
        if (writer.beginFlush(10, TimeUnit.SECONDS)) {
            writer.doFlush((error, ignored) -> { }).get(10, TimeUnit.SECONDS);
        }
    }

    /** What {@code GET /connectors/NAME/offsets} shows: every stored partition, read back and looked up again. */
    Map<Map<String, Object>, Map<String, Object>> restView() {
        // as Worker.sourceConnectorOffsets does: the partitions as read back, looked up in one call
        Set<Map<String, Object>> partitions = store.connectorPartitions(connector);
        Map<Map<String, Object>, Map<String, Object>> found = reader.offsets(new ArrayList<>(partitions));
        Map<Map<String, Object>, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> p : partitions) {
            out.put(p, found.get(p));
        }
        return out;
    }

    /** Writes one offset under exactly this partition map (its key order included). */
    void put(Map<String, Object> partition, Map<String, Object> offset) throws Exception {
        writer.offset(partition, offset);
        if (writer.beginFlush(10, TimeUnit.SECONDS)) {
            writer.doFlush((error, ignored) -> { }).get(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        reader.close();
        store.stop();
    }
}
