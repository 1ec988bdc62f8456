#!/usr/bin/env python3
"""Generate the demo assignment geometry of Phường Gia Thụy (Long Biên, Hà Nội).

Writes backend/src/main/resources/demo/gia-thuy-zones.geojson: one RFC 7946
FeatureCollection (lon/lat WGS84, coordinates rounded to 7 decimals) holding

  * 16 ZONE polygons (tổ dân phố TDP01..TDP16) that tile the ward's service area
    exactly: a regular 4x4 grid over the area's bounding box, each cell clipped
    against the (convex) service-area octagon with Sutherland-Hodgman. Clipping is
    done in exact rational arithmetic (fractions.Fraction), so the point where a
    grid line crosses an octagon edge is the same number in both neighbouring
    cells, and therefore bit-identical after rounding. Zones are numbered row by
    row from the north-west; none is smaller than 30% of a full grid cell.
  * 6 SEGMENT line strings (tuyến khoán quản) along the main streets, all owned by
    the urban-order team (unitCode TTDT), every vertex well over 30 m inside the
    service area.

Python 3 standard library only. Run from anywhere:

    python3 infra/demo/make_gia_thuy_zones.py

It prints a check (zone areas, their sum against the service area, segment lengths
and vertex distances to the boundary) and fails if any check does not hold.

Test points (lat, lon) for tests:

  * well inside zone TDP09, more than 40 m from every segment:
        lat 21.0440, lon 105.8800
  * on segment NVC's line, midpoint of its first leg (lies in zone TDP10):
        lat 21.0421, lon 105.88325
"""

import json
import math
import os
import sys
from fractions import Fraction as F

# Service area of the ward, counter-clockwise, closed (first == last).
SERVICE_AREA = [
    ("105.8790", "21.0400"), ("105.8850", "21.0382"), ("105.8915", "21.0395"),
    ("105.8938", "21.0445"), ("105.8925", "21.0500"), ("105.8870", "21.0523"),
    ("105.8805", "21.0510"), ("105.8778", "21.0460"), ("105.8790", "21.0400"),
]

GRID_COLUMNS = 4
GRID_ROWS = 4
MIN_PIECE_FRACTION = 0.15  # of a full grid cell

# (code, name, bufferM, vertices as (lon, lat))
SEGMENTS = [
    ("NVC", "Tuyến phố Nguyễn Văn Cừ", 20,
     [("105.8815", "21.0418"), ("105.8850", "21.0424"), ("105.8878", "21.0432")]),
    ("NL", "Tuyến phố Ngọc Lâm", 15,
     [("105.8835", "21.0440"), ("105.8838", "21.0470"), ("105.8842", "21.0495")]),
    ("NS", "Tuyến phố Nguyễn Sơn", 15,
     [("105.8855", "21.0445"), ("105.8885", "21.0462"), ("105.8910", "21.0478")]),
    ("GT", "Tuyến phố Gia Thụy", 15,
     [("105.8850", "21.0505"), ("105.8880", "21.0500"), ("105.8905", "21.0490")]),
    ("LD", "Tuyến phố Lâm Du", 15,
     [("105.8870", "21.0405"), ("105.8895", "21.0412"), ("105.8905", "21.0430")]),
    ("NT", "Tuyến phố Ngọc Thụy", 15,
     [("105.8805", "21.0470"), ("105.8820", "21.0498")]),
]
SEGMENT_UNIT = "TTDT"

TEST_POINT_TDP09 = ("105.8800", "21.0440")  # (lon, lat)
TEST_ZONE = "TDP09"
TEST_CLEARANCE_M = 40.0
MIN_SEGMENT_INSET_M = 30.0
SEGMENT_LENGTH_M = (250.0, 700.0)

DECIMALS = 7

# Local equirectangular projection, metres.
KX = math.cos(math.radians(21.045)) * 111320.0
KY = 110540.0

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                      "backend", "src", "main", "resources", "demo", "gia-thuy-zones.geojson")


# ---------------------------------------------------------------- geometry (exact)

def exact(points):
    return [(F(lon), F(lat)) for lon, lat in points]


def crossing(p, q, axis, value):
    """The point of segment p-q on the line coordinate[axis] == value (exact)."""
    t = (value - p[axis]) / (q[axis] - p[axis])
    r = [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]
    r[axis] = value
    return tuple(r)


def clip_half_plane(ring, axis, value, keep_greater):
    """Sutherland-Hodgman against one axis-aligned half plane; ring is open."""
    def inside(p):
        return p[axis] >= value if keep_greater else p[axis] <= value
    out = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur):
            if not inside(prev):
                out.append(crossing(prev, cur, axis, value))
            out.append(cur)
        elif inside(prev):
            out.append(crossing(prev, cur, axis, value))
    return out


def clip_to_cell(ring, west, east, south, north):
    for axis, value, keep_greater in ((0, west, True), (0, east, False),
                                      (1, south, True), (1, north, False)):
        if not ring:
            break
        ring = clip_half_plane(ring, axis, value, keep_greater)
    return ring


def round_ring(ring):
    """Round (exactly, then to float), drop consecutive repeats, close the ring."""
    out = []
    for lon, lat in ring:
        p = (float(round(lon, DECIMALS)), float(round(lat, DECIMALS)))
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    out.append(out[0])
    return out


# ---------------------------------------------------------------- metrics (metres)

def proj(p):
    return (float(p[0]) * KX, float(p[1]) * KY)


def ring_area_m2(closed_ring):
    """Signed area, positive when counter-clockwise."""
    pts = [proj(p) for p in closed_ring]
    s = 0.0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        s += x1 * y2 - x2 * y1
    return s / 2.0


def dist_m(a, b):
    (x1, y1), (x2, y2) = proj(a), proj(b)
    return math.hypot(x2 - x1, y2 - y1)


def point_segment_m(p, a, b):
    (px, py), (ax, ay), (bx, by) = proj(p), proj(a), proj(b)
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def point_polyline_m(p, line):
    return min(point_segment_m(p, a, b) for a, b in zip(line, line[1:]))


def inside_convex_ccw(p, closed_ring):
    """Signed distance (m) to the boundary of a convex CCW ring; > 0 inside."""
    (px, py) = proj(p)
    best = math.inf
    for a, b in zip(closed_ring, closed_ring[1:]):
        (ax, ay), (bx, by) = proj(a), proj(b)
        cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax)
        best = min(best, cross / math.hypot(bx - ax, by - ay))
    return best


def segments_cross(a, b, c, d):
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return (o1 > 0) != (o2 > 0) and (o3 > 0) != (o4 > 0) and 0 not in (o1, o2, o3, o4)


def ring_is_simple(closed_ring):
    edges = list(zip(closed_ring, closed_ring[1:]))
    n = len(edges)
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue  # adjacent edges share a vertex
            if segments_cross(*edges[i], *edges[j]):
                return False
    return True


# ---------------------------------------------------------------- build

def build_zones():
    area = exact(SERVICE_AREA[:-1])
    west, east = min(p[0] for p in area), max(p[0] for p in area)
    south, north = min(p[1] for p in area), max(p[1] for p in area)
    xs = [west + (east - west) * i / GRID_COLUMNS for i in range(GRID_COLUMNS + 1)]
    ys = [north - (north - south) * j / GRID_ROWS for j in range(GRID_ROWS + 1)]  # north first
    full_cell_m2 = float((xs[1] - xs[0]) * (ys[0] - ys[1])) * KX * KY

    zones = []
    for row in range(GRID_ROWS):
        for col in range(GRID_COLUMNS):
            piece = clip_to_cell(area, xs[col], xs[col + 1], ys[row + 1], ys[row])
            if len(piece) < 3:
                continue
            ring = round_ring(piece)
            if len(ring) < 4 or ring_area_m2(ring) <= 0:
                continue
            fraction = ring_area_m2(ring) / full_cell_m2
            if fraction < MIN_PIECE_FRACTION:
                sys.exit(f"grid cell row {row + 1} col {col + 1} clips to only "
                         f"{fraction:.0%} of a cell: choose other grid lines")
            zones.append(ring)
    return zones


def feature(properties, geometry_type, coordinates):
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": geometry_type, "coordinates": coordinates}}


def dump(features):
    lines = ['{', '  "type": "FeatureCollection",', '  "features": [']
    for i, f in enumerate(features):
        geometry = f["geometry"]
        coords = json.dumps(geometry["coordinates"], separators=(",", ":"))
        lines.append('    {"type": "Feature",')
        lines.append('     "properties": ' + json.dumps(f["properties"], ensure_ascii=False) + ',')
        lines.append('     "geometry": {"type": "' + geometry["type"] + '", "coordinates":')
        lines.append('       ' + coords + '}}' + (',' if i < len(features) - 1 else ''))
    lines += ['  ]', '}', '']
    return "\n".join(lines)


def main():
    failures = []
    service = [(float(lon), float(lat)) for lon, lat in SERVICE_AREA]
    service_m2 = ring_area_m2(service)
    service_edges = list(zip(service, service[1:]))

    rings = build_zones()
    features = []
    zone_rings = {}
    for n, ring in enumerate(rings, start=1):
        code = f"TDP{n:02d}"
        zone_rings[code] = ring
        features.append(feature({"code": code, "name": f"Tổ dân phố {n}", "kind": "ZONE"},
                                "Polygon", [[list(p) for p in ring]]))

    # -- zone checks
    print(f"Zones ({len(rings)}), area in m2 (equirectangular, lat 21.045):")
    total = 0.0
    for code, ring in zone_rings.items():
        a = ring_area_m2(ring)
        total += a
        print(f"  {code}  {a:12.1f}  ({len(ring) - 1} vertices)")
        if ring[0] != ring[-1] or len(ring) < 4:
            failures.append(f"{code}: ring not closed or too short")
        if any(p == q for p, q in zip(ring, ring[1:])):
            failures.append(f"{code}: repeated consecutive position")
        if a <= 0:
            failures.append(f"{code}: ring not counter-clockwise")
        if not ring_is_simple(ring):
            failures.append(f"{code}: ring self-intersects")
    diff = (total - service_m2) / service_m2
    print(f"  sum of zones   {total:12.1f}")
    print(f"  service area   {service_m2:12.1f}")
    print(f"  difference     {diff:+.6%}")
    if len(rings) < 14:
        failures.append(f"only {len(rings)} zones")
    if abs(diff) > 0.0001:
        failures.append("zone areas do not add up to the service area")

    # Topology: every zone edge is either shared (reversed) by exactly one other zone,
    # or lies on the service-area boundary; boundary edges cover its perimeter.
    directed = {}
    for code, ring in zone_rings.items():
        for e in zip(ring, ring[1:]):
            directed.setdefault(e, []).append(code)
    shared, boundary_len = 0, 0.0
    for (a, b), owners in directed.items():
        if len(owners) > 1:
            failures.append(f"edge {a}-{b} used twice in the same direction: overlap")
        if (b, a) in directed:
            shared += 1
            continue
        on_boundary = any(point_segment_m(a, s, t) < 0.05 and point_segment_m(b, s, t) < 0.05
                          for s, t in service_edges)
        if not on_boundary:
            failures.append(f"edge {a}-{b} of {owners} is neither shared nor on the boundary: gap")
        boundary_len += dist_m(a, b)
    perimeter = sum(dist_m(a, b) for a, b in service_edges)
    print(f"  shared edges {shared // 2}; boundary edges length {boundary_len:.3f} m "
          f"vs perimeter {perimeter:.3f} m")
    if abs(boundary_len - perimeter) > 0.05:
        failures.append("zone boundary edges do not cover the service-area perimeter")

    # -- segment checks
    print("Segments:")
    lines = {}
    for code, name, buffer_m, vertices in SEGMENTS:
        line = [(float(lon), float(lat)) for lon, lat in vertices]
        lines[code] = line
        length = sum(dist_m(a, b) for a, b in zip(line, line[1:]))
        inset = min(inside_convex_ccw(p, service) for p in line)
        print(f"  {code:<4} {name:<26} length {length:6.1f} m, vertices >= {inset:6.1f} m "
              f"inside the boundary, bufferM {buffer_m}")
        if not 2 <= len(line) <= 4:
            failures.append(f"{code}: {len(line)} vertices")
        if not SEGMENT_LENGTH_M[0] <= length <= SEGMENT_LENGTH_M[1]:
            failures.append(f"{code}: length {length:.0f} m out of range")
        if inset < MIN_SEGMENT_INSET_M:
            failures.append(f"{code}: a vertex is only {inset:.1f} m inside the boundary")
        features.append(feature({"code": code, "name": name, "kind": "SEGMENT",
                                 "bufferM": buffer_m, "unitCode": SEGMENT_UNIT},
                                "LineString", [list(p) for p in line]))
    codes = list(lines)
    for i in range(len(codes)):
        for j in range(i + 1, len(codes)):
            for a, b in zip(lines[codes[i]], lines[codes[i]][1:]):
                for c, d in zip(lines[codes[j]], lines[codes[j]][1:]):
                    if segments_cross(a, b, c, d):
                        failures.append(f"segments {codes[i]} and {codes[j]} cross")

    # -- test points
    print("Test points (lat, lon):")
    tp = (float(TEST_POINT_TDP09[0]), float(TEST_POINT_TDP09[1]))
    in_zone = inside_convex_ccw(tp, zone_rings[TEST_ZONE])
    others = [c for c, r in zone_rings.items() if c != TEST_ZONE and inside_convex_ccw(tp, r) >= 0]
    clearance = min(point_polyline_m(tp, line) for line in lines.values())
    print(f"  in {TEST_ZONE}: {tp[1]}, {tp[0]}  ({in_zone:.1f} m inside {TEST_ZONE}, "
          f"nearest segment {clearance:.1f} m away)")
    if in_zone < 50 or others:
        failures.append(f"test point is not well inside {TEST_ZONE}")
    if clearance <= TEST_CLEARANCE_M:
        failures.append(f"test point is within {TEST_CLEARANCE_M} m of a segment")
    nvc = exact(next(v for c, _, _, v in SEGMENTS if c == "NVC"))
    mid = ((nvc[0][0] + nvc[1][0]) / 2, (nvc[0][1] + nvc[1][1]) / 2)
    mid_f = (float(round(mid[0], DECIMALS)), float(round(mid[1], DECIMALS)))
    mid_zone = [c for c, r in zone_rings.items() if inside_convex_ccw(mid_f, r) > 0]
    print(f"  on NVC (midpoint of its first leg): {mid_f[1]}, {mid_f[0]}  "
          f"({point_polyline_m(mid_f, lines['NVC']):.3f} m from the line, in zone {mid_zone})")

    if failures:
        print("FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)

    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(dump(features))
    json.load(open(OUTPUT, encoding="utf-8"))  # parses back
    print(f"Wrote {os.path.normpath(OUTPUT)} ({len(features)} features)")


if __name__ == "__main__":
    main()
