package org.factlab.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.factlab.experiments.FieldError;
import org.factlab.runs.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses REST request bodies larger than {@code factlab.max-request-bytes} with 413: at once when the declared
 * length is too large, or as soon as a body without a declared length (chunked) reads past the limit. File uploads
 * ({@code POST /api/models}, {@code POST /api/datasets}, a followed run's {@code PUT …/checkpoints/{step}}) may be
 * as large as {@code factlab.models.max-bytes} plus
 * {@link #MULTIPART_SLACK} for the multipart framing; their file part is checked exactly by the controllers.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    /** Thrown while reading a body past the limit; {@link ApiErrors} answers 413. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** {@code PUT /api/runs/{id}/checkpoints/{step}}: a followed run's checkpoint, checked by its controller. */
    private static final Pattern CHECKPOINT = Pattern.compile("/api/runs/[^/]+/checkpoints/[^/]+");

    /** Room for the multipart boundaries, part headers and the {@code name} field of an upload. */
    static final long MULTIPART_SLACK = 64 * 1024;

    private final long maxBytes;
    private final long uploadMaxBytes;
    private final ObjectMapper json;

    RequestSizeLimit(RequestLimits limits, ObjectMapper json) {
        this.maxBytes = limits.maxRequestBytes();
        this.uploadMaxBytes = limits.models().maxBytes();
        this.json = json;
    }

    private boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equalsIgnoreCase(request.getMethod())
                        && (path.equals("/api/models") || path.equals("/api/datasets"))
                || "PUT".equalsIgnoreCase(request.getMethod())
                        && CHECKPOINT.matcher(path).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (isUpload(request)) {
            if (declared > uploadMaxBytes + MULTIPART_SLACK) {
                response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(
                        response.getOutputStream(),
                        Map.of(
                                "errors",
                                List.of(new FieldError(
                                        "file",
                                        "the upload of " + declared + " bytes is too large; allowed: files of at most "
                                                + uploadMaxBytes + " bytes (factlab.models.max-bytes)"))));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (declared > maxBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(
                    response.getOutputStream(), Map.of("errors", List.of(new FieldError("body", message(declared)))));
            return;
        }
        chain.doFilter(declared < 0 ? new Limited(request) : request, response);
    }

    String message(long bytes) {
        return "request body of " + (bytes < 0 ? "more than " + maxBytes : bytes)
                + " bytes is too large; allowed: at most " + maxBytes + " bytes";
    }

    /** A request whose body stream fails once it has delivered more than the limit. */
    private final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingStream(super.getInputStream());
            }
            return limited;
        }
    }

    private final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > maxBytes) {
                throw new TooLarge(message(-1));
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
