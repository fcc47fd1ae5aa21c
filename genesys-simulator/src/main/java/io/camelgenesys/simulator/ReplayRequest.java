package io.camelgenesys.simulator;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body was already read (to look inside it) and is handed on again, whole, to the next handler.
 */
final class ReplayRequest extends Request.Wrapper {

    private final AtomicReference<Content.Chunk> chunk;

    ReplayRequest(Request wrapped, byte[] body) {
        super(wrapped);
        this.chunk = new AtomicReference<>(Content.Chunk.from(ByteBuffer.wrap(body), true));
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk replay = chunk.getAndSet(null);
        return replay != null ? replay : super.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
        if (chunk.get() != null) {
            // Content is available now; run the callback from another task, as demand callbacks must not recurse.
            getContext().execute(demandCallback);
        } else {
            super.demand(demandCallback);
        }
    }
}
