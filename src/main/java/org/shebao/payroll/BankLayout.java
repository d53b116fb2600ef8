package org.shebao.payroll;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shebao.common.Money;

/**
 * One paying bank's layout of the disbursement file (issue 15, item 7), as its dated parameter
 * {@code payroll.bankFile.layout.<BANK>} says: encoding, a byte-order mark or not, the separator, a header line of the
 * fields' Chinese names, the fields in order, where the total line goes, the line end. Parsed once per lookup; a
 * layout that cannot be parsed is a configuration error (it names the setting).
 *
 * @param source       where the layout comes from (the parameter's source)
 * @param illustrative the layout is an example (示意), not a bank's confirmed specification
 */
public record BankLayout(String code, String name, String nameEn, List<String> prefixes, Charset charset, boolean bom,
                         char separator, boolean header, List<Field> fields, TotalLine total, String lineEnd,
                         String source, boolean illustrative) {

    /** A field of a disbursement line, with the header label banks expect (Chinese whatever the user's language). */
    public enum Field {
        SEQ("序号"), REFERENCE("流水号"), ACCOUNT("收款账号"), NAME("收款户名"), AMOUNT("金额"), MEMO("摘要");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where the total line (合计, count, amount) goes. */
    public enum TotalLine {
        FIRST, LAST, NONE
    }

    /** One payment as the file sends it. */
    public record Payment(long reference, String account, String name, Money amount, String memo) {
    }

    /** Reads a layout's text ({@code key=value;...}); a wrong or missing setting is an error naming it. */
    public static BankLayout parse(String code, String text, String source, boolean illustrative) {
        if (!code.matches("[A-Z][A-Z0-9_]{0,15}")) {
            throw new IllegalStateException("bank code " + code + ": letters and digits, at most 16");
        }
        Map<String, String> s = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("bank layout " + code + ": '" + part + "' is not key=value");
            }
            s.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        List<String> prefixes = Arrays.stream(need(s, code, "prefixes").split(",")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        for (String p : prefixes) {
            if (!p.matches("[0-9]{1,12}")) {
                throw new IllegalStateException("bank layout " + code + ": prefix " + p + " is not a number");
            }
        }
        char sep = switch (need(s, code, "separator")) {
            case "PIPE" -> '|';
            case "COMMA" -> ',';
            case "TAB" -> '\t';
            default -> throw new IllegalStateException("bank layout " + code + ": separator PIPE, COMMA or TAB");
        };
        List<Field> fields = Arrays.stream(need(s, code, "fields").split(",")).map(String::strip).map(Field::valueOf)
                .toList();
        if (!fields.contains(Field.REFERENCE) || !fields.contains(Field.ACCOUNT) || !fields.contains(Field.AMOUNT)) {
            throw new IllegalStateException("bank layout " + code + ": fields must include REFERENCE, ACCOUNT, AMOUNT");
        }
        return new BankLayout(code, need(s, code, "name"), need(s, code, "nameEn"), prefixes,
                Charset.forName(need(s, code, "encoding")), yes(s, code, "bom"), sep, yes(s, code, "header"), fields,
                TotalLine.valueOf(need(s, code, "total")),
                switch (need(s, code, "lineEnd")) {
                    case "CRLF" -> "\r\n";
                    case "LF" -> "\n";
                    default -> throw new IllegalStateException("bank layout " + code + ": lineEnd CRLF or LF");
                }, source, illustrative);
    }

    private static String need(Map<String, String> s, String code, String key) {
        String v = s.get(key);
        if (v == null) {
            throw new IllegalStateException("bank layout " + code + ": setting " + key + " is missing");
        }
        return v;
    }

    private static boolean yes(Map<String, String> s, String code, String key) {
        return switch (need(s, code, key)) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new IllegalStateException("bank layout " + code + ": " + key + " is yes or no");
        };
    }

    /** The encoding's name, as the layout says it (GBK, UTF-8). */
    public String encoding() {
        return charset.name();
    }

    /** The bank's name in the user's language. */
    public String name(boolean english) {
        return english ? nameEn : name;
    }

    /** Whether an account number starts with one of the bank's card prefixes: the length of the longest, else 0. */
    public int matches(String account) {
        return prefixes.stream().filter(account::startsWith).mapToInt(String::length).max().orElse(0);
    }

    /** Writes the payments in this layout: BOM, header, total line first or last, each line in the fields' order. */
    public void write(List<Payment> payments, OutputStream out) throws IOException {
        if (bom && charset.name().startsWith("UTF")) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Money total = payments.stream().map(Payment::amount).reduce(Money.ZERO, Money::plus);
        String totalLine = line(List.of("合计", String.valueOf(payments.size()), total.amount().toPlainString()));
        StringBuilder text = new StringBuilder();
        if (header) {
            text.append(line(fields.stream().map(Field::label).toList()));
        }
        if (this.total == TotalLine.FIRST) {
            text.append(totalLine);
        }
        int seq = 0;
        for (Payment p : payments) {
            List<String> values = new ArrayList<>();
            seq++;
            for (Field f : fields) {
                values.add(switch (f) {
                    case SEQ -> String.valueOf(seq);
                    case REFERENCE -> String.valueOf(p.reference());
                    case ACCOUNT -> p.account();
                    case NAME -> p.name();
                    case AMOUNT -> p.amount().amount().toPlainString();
                    case MEMO -> p.memo();
                });
            }
            text.append(line(values));
        }
        if (this.total == TotalLine.LAST) {
            text.append(totalLine);
        }
        out.write(text.toString().getBytes(charset));
    }

    /** One line: the values joined by the separator, with the separator and line breaks taken out of the values. */
    private String line(List<String> values) {
        return String.join(String.valueOf(separator), values.stream()
                .map(v -> v == null ? "" : v.replace(String.valueOf(separator), " ").replaceAll("[\r\n]", " ")).toList())
                + lineEnd;
    }
}
