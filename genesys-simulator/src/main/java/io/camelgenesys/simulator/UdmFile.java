package io.camelgenesys.simulator;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An export file of the User Data Management simulation: its metadata and its content, which is never stored. The
 * content is generated on the fly from the file name, so any byte range of a file of any size (a 3 GiB export costs
 * nothing until it is read) can be produced at any time, the same every time, with a few bytes of memory.
 * <p>
 * The content is CSV-like text in lines of exactly {@value #LINE_LENGTH} bytes:
 * {@code <line number, 12 digits>,<8 hex digits of the file>,<filler>\n}; the last line is cut at the file size.
 * Real exports are encrypted with the tenant's certificate; the simulator's are plain, so tests can read them.
 */
public final class UdmFile {

    /** Every generated line has this length (the last one may be cut short). */
    public static final int LINE_LENGTH = 64;
    /** The content type of generated exports. */
    public static final String CONTENT_TYPE = "text/csv";

    private static final byte[] FILLER = String.format("%-41.41s", "exported by the Genesys UDM simulator")
            .getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final long size;
    private final String type;
    private final String source;
    private final String jobTitle;
    private final Integer jobId;
    private final Integer historyId;
    private final Instant uploadDate;
    /** The line template: the file's token and the filler, the line number written over its first 12 bytes. */
    private final byte[] template = new byte[LINE_LENGTH];
    /** A file whose content is stored on disk (contacts exports and import reports), or {@code null}: generated. */
    private final java.nio.file.Path stored;

    UdmFile(String name, long size, String type, String source, String jobTitle, Integer jobId, Integer historyId,
            Instant uploadDate) {
        this(name, size, type, source, jobTitle, jobId, historyId, uploadDate, null);
    }

    /**
     * A file whose content is on disk rather than generated (the contacts storage host's exports and import reports);
     * its size is the file's.
     */
    static UdmFile stored(String name, java.nio.file.Path file, String type, Instant uploadDate) {
        try {
            return new UdmFile(name, java.nio.file.Files.size(file), type, null, null, null, null, uploadDate, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private UdmFile(String name, long size, String type, String source, String jobTitle, Integer jobId,
            Integer historyId, Instant uploadDate, java.nio.file.Path stored) {
        this.stored = stored;
        this.name = Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        this.size = size;
        this.type = type;
        this.source = source;
        this.jobTitle = jobTitle;
        this.jobId = jobId;
        this.historyId = historyId;
        this.uploadDate = Objects.requireNonNull(uploadDate, "uploadDate");
        byte[] token = String.format("%08x", name.hashCode()).getBytes(StandardCharsets.US_ASCII);
        template[12] = ',';
        System.arraycopy(token, 0, template, 13, 8);
        template[21] = ',';
        System.arraycopy(FILLER, 0, template, 22, FILLER.length);
        template[LINE_LENGTH - 1] = '\n';
    }

    public String name() {
        return name;
    }

    /** @return the size in bytes (a {@code long}: exports pass 2 GiB) */
    public long size() {
        return size;
    }

    /** @return the data type the file holds (e.g. {@code Interaction}), or {@code null} */
    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public String jobTitle() {
        return jobTitle;
    }

    /** @return the job that produced the file, or {@code null} for a file added directly */
    public Integer jobId() {
        return jobId;
    }

    /** @return the history record (run) that produced the file, or {@code null} for a file added directly */
    public Integer historyId() {
        return historyId;
    }

    public Instant uploadDate() {
        return uploadDate;
    }

    /** @return the file metadata item as {@code GET /udm/v10/file-metadatas} lists it */
    public ObjectNode metadata() {
        ObjectNode node = Json.object();
        node.put("name", name);
        node.put("size", size);
        node.put("contentType", CONTENT_TYPE);
        node.put("type", type);
        node.put("source", source);
        node.put("jobTitle", jobTitle);
        if (jobId == null) {
            node.putNull("jobId");
        } else {
            node.put("jobId", jobId);
        }
        if (historyId == null) {
            node.putNull("historyId");
        } else {
            node.put("historyId", historyId);
        }
        node.put("uploadDate", Json.timestamp(uploadDate));
        return node;
    }

    /** @return the content type served: text/csv (UDM exports, contacts exports and reports) */
    String contentType() {
        return CONTENT_TYPE;
    }

    /** @return a strong validator of the content (name and size decide it) */
    String etag() {
        return "\"" + Long.toHexString(name.hashCode() * 31L + size) + "\"";
    }

    /**
     * Copies content into {@code buffer}.
     *
     * @param position where in the file to start
     * @param buffer   the destination
     * @param offset   where in the destination
     * @param length   at most this many bytes
     * @return how many bytes were copied: {@code length}, or fewer at the end of the file (0 at or past it)
     */
    public int read(long position, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (position < 0) {
            throw new IllegalArgumentException("Negative position: " + position);
        }
        int n = (int) Math.max(0, Math.min(length, size - position));
        if (stored != null) {
            return readStored(position, buffer, offset, n);
        }
        byte[] line = template.clone();
        long lineNumber = -1;
        int done = 0;
        while (done < n) {
            long at = position + done;
            long wanted = at / LINE_LENGTH;
            if (wanted != lineNumber) {
                lineNumber = wanted;
                long digits = lineNumber;
                for (int i = 11; i >= 0; i--) {
                    line[i] = (byte) ('0' + digits % 10);
                    digits /= 10;
                }
            }
            int column = (int) (at % LINE_LENGTH);
            int chunk = Math.min(LINE_LENGTH - column, n - done);
            System.arraycopy(line, column, buffer, offset + done, chunk);
            done += chunk;
        }
        return n;
    }

    private int readStored(long position, byte[] buffer, int offset, int n) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(stored)) {
            java.nio.ByteBuffer target = java.nio.ByteBuffer.wrap(buffer, offset, n);
            while (target.hasRemaining()) {
                if (channel.read(target, position + target.position() - offset) < 0) {
                    break;
                }
            }
            return target.position() - offset;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + stored, e);
        }
    }

    /** @return the whole content as a stream, generated as it is read */
    public InputStream openStream() {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int n = UdmFile.this.read(position, b, off, len);
                if (n == 0) {
                    return -1;
                }
                position += n;
                return n;
            }

            @Override
            public long skip(long n) {
                long skipped = Math.max(0, Math.min(n, size - position));
                position += skipped;
                return skipped;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, size - position);
            }
        };
    }

    @Override
    public String toString() {
        return "UdmFile[" + name + ", " + size + " bytes]";
    }
}
