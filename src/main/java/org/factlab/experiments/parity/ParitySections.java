package org.factlab.experiments.parity;

import java.util.List;
import org.factlab.experiments.rfm.RfmSections;
import org.factlab.experiments.sections.Axis;
import org.factlab.experiments.sections.Chart;
import org.factlab.experiments.sections.Curve;
import org.factlab.experiments.sections.KeyNumbersSection.Format;
import org.factlab.experiments.sections.KeyNumbersSection.KeyNumber;
import org.factlab.experiments.sections.Section;

/** The run page of the parity kind: the RFM sections plus support recovery ({@link ParitySeries}). */
final class ParitySections {

    private ParitySections() {}

    static List<Section> all() {
        return RfmSections.of(
                List.of(
                        KeyNumber.of(
                                ParitySeries.SUPPORT_RECOVERED, "Support recovered (1 = yes) at the end", Format.WHOLE),
                        KeyNumber.of(
                                ParitySeries.DIAG_MASS_ON_SUPPORT,
                                "Share of tr(M) on the support at the end",
                                Format.PERCENT)),
                List.of(Chart.of(
                        "chart-support",
                        "Support recovery",
                        RfmSections.ITERATION,
                        Axis.fraction("fraction"),
                        Curve.of(ParitySeries.SUPPORT_RECOVERED, "top-k diagonal = support"),
                        Curve.of(ParitySeries.DIAG_MASS_ON_SUPPORT, "share of tr(M) on the support"))));
    }
}
