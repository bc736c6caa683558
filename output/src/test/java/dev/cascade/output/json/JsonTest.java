package dev.cascade.output.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void shouldNeverWriteANumberInExponentNotation() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("stripped", new BigDecimal("104600").stripTrailingZeros()); // 1.046E+5 as BigDecimal.toString has it
        o.put("large", 4.5e15);
        o.put("small", 1e-7);
        o.put("float", 2.5e-8f);
        o.put("unknown", Double.NaN);
        o.put("cents", FiguresJson.usd(1234.5));
        assertThat(o.toString()).as("what Jackson's own toString writes").contains("1.046E+5");
        assertThat(Json.text(o)).isEqualTo("{\"stripped\":104600,\"large\":4500000000000000,\"small\":0.00000010,"
                + "\"float\":0.000000025,\"unknown\":null,\"cents\":1234.50}");
        assertThat(new String(Json.bytes(o), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Json.text(o));
    }
}
