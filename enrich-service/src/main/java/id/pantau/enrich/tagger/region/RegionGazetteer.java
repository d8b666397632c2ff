package id.pantau.enrich.tagger.region;

import id.pantau.schemas.avro.Region;
import id.pantau.schemas.avro.RegionLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Indonesia's provinces, regencies/cities and districts (Kemendagri codes) from the {@code idn-area-data}
 * copy shipped in the resources (ODbL, see {@code idn-area/SOURCE.md}) with the curated press aliases of
 * {@code region/region-aliases.tsv}. Thread-safe; load it once and share it. The {@link Region} records it
 * returns are shared: callers must not modify them.
 */
public final class RegionGazetteer {

    private static final String BASE = "/id/pantau/enrich/idn-area/";
    private static volatile @Nullable RegionGazetteer defaultInstance;

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;
    private volatile @Nullable RegionNames names;

    private RegionGazetteer(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Region>> kids = new LinkedHashMap<>();
        for (Region r : byCode.values()) {
            String parent = r.getParentCode();
            if (parent != null) {
                kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(r);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    /** The gazetteer from the shipped CSVs; loaded once per JVM and cached. */
    public static RegionGazetteer loadDefault() {
        RegionGazetteer g = defaultInstance;
        if (g == null) {
            synchronized (RegionGazetteer.class) {
                g = defaultInstance;
                if (g == null) {
                    g = load();
                    defaultInstance = g;
                }
            }
        }
        return g;
    }

    private static RegionGazetteer load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] row : csv("provinces.csv")) {
            regions.put(row[0], region(row[0], row[1], RegionLevel.PROVINCE, null, row[0]));
        }
        for (String[] row : csv("regencies.csv")) {
            String name = row[2];
            RegionLevel level = name.startsWith("Kota ") ? RegionLevel.CITY : RegionLevel.REGENCY;
            regions.put(row[0], region(row[0], name, level, row[1], row[1]));
        }
        for (String[] row : csv("districts.csv")) {
            String province = row[1].substring(0, row[1].indexOf('.'));
            regions.put(row[0], region(row[0], row[2], RegionLevel.DISTRICT, row[1], province));
        }
        RegionAliases.applyTo(regions);
        return new RegionGazetteer(regions);
    }

    private static Region region(String code, String name, RegionLevel level, @Nullable String parent, String province) {
        return Region.newBuilder()
                .setCode(code)
                .setName(name)
                .setLevel(level)
                .setParentCode(parent)
                .setProvinceCode(province)
                .setAliases(new ArrayList<>())
                .build();
    }

    private static List<String[]> csv(String file) {
        InputStream in = RegionGazetteer.class.getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IllegalStateException("gazetteer resource missing: " + BASE + file);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            Objects.requireNonNull(header, file);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                rows.add(splitCsv(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer resource " + file, e);
        }
        return rows;
    }

    /** Splits one CSV line; the files quote names that hold a comma. */
    static String[] splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells.toArray(String[]::new);
    }

    /** The region with this Kemendagri code, or null. */
    public @Nullable Region byCode(String code) {
        return byCode.get(code);
    }

    /** Every region, provinces first, then regencies/cities, then districts, each in code order. */
    public Collection<Region> all() {
        return byCode.values();
    }

    /** The Aho-Corasick index of every region's names and aliases; built on first use and cached. */
    public RegionNames names() {
        RegionNames n = names;
        if (n == null) {
            synchronized (this) {
                n = names;
                if (n == null) {
                    n = new RegionNames(this);
                    names = n;
                }
            }
        }
        return n;
    }

    /** Direct children of a region (regencies of a province, districts of a regency). */
    public List<Region> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }
}
