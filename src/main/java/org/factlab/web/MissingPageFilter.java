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
 * study does not exist (deleted, or a mistyped link): 404 with a small page in the lab's style — its navigation bar,
 * one sentence and a way back to the list — before Vaadin would serve its page shell with status 200. Runs after the
 * security filters, so with login on only signed-in callers get this far.
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
        return !"GET".equals(request.getMethod())
                || request.getParameter("v-r") != null
                || !PAGE.matcher(pathOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PAGE.matcher(pathOf(request));
        boolean run = m.matches() && m.group(1).equals("runs");
        boolean exists = run
                ? runs.find(m.group(2)).isPresent()
                : studies.find(m.group(2)).isPresent();
        if (exists) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/html;charset=UTF-8");
        String what = run ? "run" : "study";
        response.getOutputStream()
                .write(page(what, m.group(2), run ? "/runs" : "/studies", run ? "all runs" : "all studies")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The 404 page: the navigation bar of every page, the sentence, and a link back to the list. */
    static String page(String what, String id, String back, String backLabel) {
        String nav = "";
        for (String[] link : new String[][] {
            {"/paper", "The paper"},
            {"/runs", "Runs"},
            {"/launch", "Launch"},
            {"/studies", "Studies"},
            {"/system", "System"}
        }) {
            nav += "<a href=\"" + link[0] + "\">" + link[1] + "</a>";
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>No such " + what + " · FACT Lab</title>"
                + "<style>body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a2a3a}"
                + "header{display:flex;gap:1.2em;align-items:center;padding:.9em 1em;background:#f3f5f7}"
                + "header strong{font-size:1.1em;margin-right:1em}a{color:#1676f3;text-decoration:none}"
                + "main{padding:1em}</style></head><body><header><strong>FACT Lab</strong>" + nav + "</header>"
                + "<main><h3>No " + what + " " + escape(id) + "</h3><p>The link may be mistyped, or the " + what
                + " was deleted.</p><p><a href=\"" + back + "\">Back to " + backLabel + "</a></p></main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
