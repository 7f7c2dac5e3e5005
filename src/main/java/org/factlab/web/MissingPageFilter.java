package org.factlab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factlab.runs.RunService;
import org.factlab.studies.StudyService;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The document request of a run's or study's page ({@code GET /runs/{id}}, {@code GET /studies/{id}}) whose run or
 * study does not exist (deleted, or a mistyped link): 404 with one sentence, before Vaadin would serve its page shell
 * with status 200. Runs after the security filters, so with login on only signed-in callers get this far.
 */
@Component
class MissingPageFilter extends OncePerRequestFilter {

    private static final Pattern PAGE = Pattern.compile("/(runs|studies)/([^/]+)/?");

    private final RunService runs;
    private final StudyService studies;

    MissingPageFilter(RunService runs, StudyService studies) {
        this.runs = runs;
        this.studies = studies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null
                || !PAGE.matcher(pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PAGE.matcher(pathOf(request));
        boolean run = m.matches() && m.group(1).equals("runs");
        boolean exists = run ? runs.find(m.group(2)).isPresent() : studies.find(m.group(2)).isPresent();
        if (exists) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(("No " + (run ? "run" : "study") + " " + m.group(2)
                + " here: it was deleted, or the link is mistyped.\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
