# SPDX-License-Identifier: GPL-3.0-or-later
# Draws Dorsum's posterior-view anatomy diagrams (data/diagrams/back-*.svg and the *-labels.svg overlays).
# Each muscle's right-side outline is defined once below; the left side is generated as its exact mirror.
#
# Run from the repository root:  python3 build-aux/draw-diagrams.py
# The output is committed; the build does not run this script.  Standard library only.
#
# Coordinates follow docs/library-format.md: viewBox 0 0 800 1200, midline x = 400, posterior view,
# the figure's right side is x > 400.  Neighbouring regions are built from shared border curves
# (cut at their computed intersections), so they touch exactly instead of overlapping.

import math
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'data', 'diagrams')
MID = 400.0

# ---------------------------------------------------------------------------------------------
# Geometry: curves made of line, quadratic and cubic Bezier segments
# ---------------------------------------------------------------------------------------------


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def bez_point(pts, t):
    pts = list(pts)
    while len(pts) > 1:
        pts = [lerp(pts[i], pts[i + 1], t) for i in range(len(pts) - 1)]
    return pts[0]


def bez_split(pts, t):
    left, right = [pts[0]], [pts[-1]]
    cur = list(pts)
    while len(cur) > 1:
        cur = [lerp(cur[i], cur[i + 1], t) for i in range(len(cur) - 1)]
        left.append(cur[0])
        right.append(cur[-1])
    return tuple(left), tuple(reversed(right))


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


class Curve:
    """A continuous chain of segments; each segment is a tuple of 2 (line), 3 (quad) or 4 (cubic)
    points, the first being the end of the previous segment.  Positions along the curve are floats
    u in [0, len(segs)]: segment floor(u) at parameter frac(u)."""

    def __init__(self, segs):
        self.segs = [tuple(tuple(map(float, p)) for p in s) for s in segs]

    @property
    def start(self):
        return self.segs[0][0]

    @property
    def end(self):
        return self.segs[-1][-1]

    @property
    def n(self):
        return len(self.segs)

    def _loc(self, u):
        u = max(0.0, min(float(self.n), u))
        i = min(int(math.floor(u)), self.n - 1)
        return i, u - i

    def point(self, u):
        i, t = self._loc(u)
        return bez_point(self.segs[i], t)

    def rev(self):
        return Curve([tuple(reversed(s)) for s in reversed(self.segs)])

    def sub(self, u0, u1):
        if u0 > u1:
            return self.sub(u1, u0).rev()
        i0, t0 = self._loc(u0)
        i1, t1 = self._loc(u1)
        if i1 > i0 and t1 < 1e-9:
            i1, t1 = i1 - 1, 1.0
        out = []
        for i in range(i0, i1 + 1):
            s = self.segs[i]
            a = t0 if i == i0 else 0.0
            b = t1 if i == i1 else 1.0
            if b - a < 1e-9:
                continue
            if b < 1.0:
                s = bez_split(s, b)[0]
                a = a / b
            if a > 0.0:
                s = bez_split(s, a)[1]
            out.append(s)
        if not out:
            p = self.point(u0)
            out = [(p, p)]
        return Curve(out)

    def tail(self, u):
        return self.sub(u, self.n)

    def head(self, u):
        return self.sub(0, u)

    def __add__(self, other):
        return Curve(self.segs + other.segs)

    def flatten(self, steps=40):
        """[(u, point)] along the curve."""
        res = [(0.0, self.start)]
        for i, s in enumerate(self.segs):
            k = 1 if len(s) == 2 else steps
            for j in range(1, k + 1):
                t = j / k
                res.append((i + t, bez_point(s, t)))
        return res

    def mirrored(self):
        return Curve([tuple((2 * MID - x, y) for x, y in s) for s in self.segs])

    def translated(self, dx, dy):
        return Curve([tuple((x + dx, y + dy) for x, y in s) for s in self.segs])

    def length(self):
        f = self.flatten(20)
        return sum(dist(f[i][1], f[i + 1][1]) for i in range(len(f) - 1))

    def u_at_frac(self, frac):
        """Position at a fraction of the arc length."""
        f = self.flatten(30)
        acc = [0.0]
        for i in range(len(f) - 1):
            acc.append(acc[-1] + dist(f[i][1], f[i + 1][1]))
        target = acc[-1] * frac
        for i in range(len(f) - 1):
            if acc[i + 1] >= target:
                seg = acc[i + 1] - acc[i]
                r = 0 if seg == 0 else (target - acc[i]) / seg
                return f[i][0] + (f[i + 1][0] - f[i][0]) * r
        return float(self.n)

    def at_frac(self, frac):
        return self.point(self.u_at_frac(frac))


NUM = r'-?\d+(?:\.\d+)?'


def C(d):
    """Parse an absolute 'M x y L x y Q .. C ..' string into a Curve."""
    toks = re.findall(r'[MLQC]|' + NUM, d.replace(',', ' '))
    segs, cur, i, cmd = [], None, 0, None
    while i < len(toks):
        if toks[i] in 'MLQC':
            cmd = toks[i]
            i += 1
        k = {'M': 1, 'L': 1, 'Q': 2, 'C': 3}[cmd]
        pts = [(float(toks[i + 2 * j]), float(toks[i + 2 * j + 1])) for j in range(k)]
        i += 2 * k
        if cmd == 'M':
            cur = pts[0]
            cmd = 'L'
            continue
        segs.append(tuple([cur] + pts))
        cur = pts[-1]
    return Curve(segs)


def line(a, b):
    return Curve([(a, b)])


def _seg_inter(p1, p2, p3, p4):
    d = (p2[0] - p1[0]) * (p4[1] - p3[1]) - (p2[1] - p1[1]) * (p4[0] - p3[0])
    if abs(d) < 1e-12:
        return None
    a = ((p3[0] - p1[0]) * (p4[1] - p3[1]) - (p3[1] - p1[1]) * (p4[0] - p3[0])) / d
    b = ((p3[0] - p1[0]) * (p2[1] - p1[1]) - (p3[1] - p1[1]) * (p2[0] - p1[0])) / d
    if -1e-9 <= a <= 1 + 1e-9 and -1e-9 <= b <= 1 + 1e-9:
        return a, b
    return None


def intersections(c1, c2):
    """All crossings of two curves as [(u1, u2)], refined by Newton steps."""
    f1, f2 = c1.flatten(60), c2.flatten(60)
    hits = []
    for i in range(len(f1) - 1):
        (ua, pa), (ub, pb) = f1[i], f1[i + 1]
        for j in range(len(f2) - 1):
            (uc, pc), (ud, pd) = f2[j], f2[j + 1]
            if max(pa[0], pb[0]) < min(pc[0], pd[0]) or max(pc[0], pd[0]) < min(pa[0], pb[0]):
                continue
            if max(pa[1], pb[1]) < min(pc[1], pd[1]) or max(pc[1], pd[1]) < min(pa[1], pb[1]):
                continue
            r = _seg_inter(pa, pb, pc, pd)
            if r:
                u1 = ua + (ub - ua) * r[0]
                u2 = uc + (ud - uc) * r[1]
                if not any(abs(u1 - h[0]) < 1e-6 for h in hits):
                    hits.append(_refine(c1, c2, u1, u2))
    hits.sort()
    return hits


def _refine(c1, c2, u1, u2):
    for _ in range(8):
        p, q = c1.point(u1), c2.point(u2)
        fx, fy = p[0] - q[0], p[1] - q[1]
        if abs(fx) + abs(fy) < 1e-9:
            break
        h = 1e-6
        p1 = c1.point(u1 + h)
        q1 = c2.point(u2 + h)
        a, b = (p1[0] - p[0]) / h, (p1[1] - p[1]) / h
        c, d = -(q1[0] - q[0]) / h, -(q1[1] - q[1]) / h
        det = a * d - b * c
        if abs(det) < 1e-12:
            break
        du1 = (fx * d - fy * c) / det
        du2 = (a * fy - b * fx) / det
        if abs(du1) > 0.05 or abs(du2) > 0.05:
            break
        u1 -= du1
        u2 -= du2
    return (u1, u2)


def cross(c1, c2, k=0):
    """The k-th crossing of c1 and c2 as (u1, u2); fails loudly if there is none."""
    hits = intersections(c1, c2)
    if len(hits) <= k:
        raise ValueError('curves do not cross (%s / %s)' % (c1.start, c2.start))
    return hits[k]


def nearest(c, p):
    best = None
    for u, q in c.flatten(80):
        d = dist(p, q)
        if best is None or d < best[0]:
            best = (d, u)
    u = best[1]
    step = 0.01
    for _ in range(30):
        cands = [u - step, u, u + step]
        u = min((max(0, min(c.n, x)) for x in cands), key=lambda x: dist(p, c.point(x)))
        step /= 2
    return u


def at_y(c, y, k=0):
    xs = [q[0] for s in c.segs for q in s]
    probe = line((min(xs) - 50, y), (max(xs) + 50, y))
    return cross(c, probe, k)[0]


def at_x(c, x, k=0):
    ys = [q[1] for s in c.segs for q in s]
    probe = line((x, min(ys) - 50), (x, max(ys) + 50))
    return cross(c, probe, k)[0]


def chain(*parts, tol=1.5):
    """Join curves end to start into one closed outline; a small gap is bridged by a line."""
    segs = []
    for k, part in enumerate(parts):
        if segs:
            gap = dist(segs[-1][-1], part.start)
            if gap > tol:
                raise ValueError('gap of %.2f before part %d at %s' % (gap, k, part.start))
            if gap > 1e-6:
                first = part.segs[0]
                part = Curve([(segs[-1][-1],) + first[1:]] + part.segs[1:])
        segs.extend(part.segs)
    gap = dist(segs[-1][-1], segs[0][0])
    if gap > tol:
        raise ValueError('outline not closed, gap %.2f at %s' % (gap, segs[0][0]))
    if gap > 1e-6:
        last = segs[-1]
        segs[-1] = last[:-1] + (segs[0][0],)
    return Curve(segs)


def fmt(v):
    s = '%.1f' % v
    if s.endswith('.0'):
        s = s[:-2]
    if s == '-0':
        s = '0'
    return s


def d_of(curve, closed=True):
    out = ['M %s %s' % (fmt(curve.start[0]), fmt(curve.start[1]))]
    for s in curve.segs:
        cmd = {2: 'L', 3: 'Q', 4: 'C'}[len(s)]
        out.append(cmd + ' ' + ' '.join('%s %s' % (fmt(x), fmt(y)) for x, y in s[1:]))
    if closed:
        out.append('Z')
    return ' '.join(out)


def sym_closed(half):
    """A symmetric closed outline from its right half, drawn from the midline top to the midline bottom."""
    return chain(half, half.mirrored().rev())


# ---------------------------------------------------------------------------------------------
# Body silhouette (right half: from the vertex clockwise to the crotch)
# ---------------------------------------------------------------------------------------------

BODY_R = C('''M 400 40 C 436 40 461 64 463 103
    C 469 99 474 111 473 125 C 472 141 467 152 461 155
    C 461 170 459 182 455 192 C 451 204 449 224 452 236 C 454 243 457 247 462 251
    C 496 262 542 271 568 288 C 590 299 605 318 607 345
    C 609 380 606 410 608 440 C 611 500 617 560 624 610 L 627 645
    Q 588 652 550 645 C 547 600 541 520 541 470 C 541 440 542 417 544 402
    C 541 425 539 450 537 480 C 534 530 525 570 521 600 C 519 630 530 660 548 690
    C 566 720 578 770 582 830 C 585 900 569 1050 562 1160
    C 520 1172 460 1172 420 1160 C 414 1060 408 985 403 948 C 401 940 400 937 400 935''')

BODY = sym_closed(BODY_R)

# Skin creases drawn inside the silhouette (not clickable): gluteal cleft and folds.
BODY_LINES = [
    C('M 400 800 C 400 850 400 900 400 932'),
    C('M 404 918 C 430 918 460 912 480 905 C 505 897 530 890 552 888'),
]

# ---------------------------------------------------------------------------------------------
# Bones (quiet context)
# ---------------------------------------------------------------------------------------------

SKULL_R = C('''M 400 50 C 431 50 454 72 456 104 C 458 128 458 155 456 176
    C 460 180 464 188 462 195 C 459 200 452 197 449 190 C 438 185 420 184 400 186''')
NUCHAL_LINES = [C('M 400 165 C 418 162 440 164 455 170'), C('M 401 179 C 418 177 434 178 448 183')]
INION_R = C('M 400 160 C 404 160 406 163 405 166 C 404 169 402 170 400 170')

# Vertebrae: (spinous tip y, transverse process y, TP tip x, spinous half-width, bar half-height)
VERTEBRAE = [('C1', 184, 193, 451, 3, 4), ('C2', 201, 205, 430, 6, 4)]
for k, y in enumerate([213, 226, 239, 252]):
    VERTEBRAE.append(('C%d' % (k + 3), y, y + 1, 431 + k, 4, 3.5))
VERTEBRAE.append(('C7', 265, 259, 437, 5, 4))
for n in range(1, 13):
    sp = 285 + 25 * (n - 1)
    VERTEBRAE.append(('T%d' % n, sp, sp - 15, 430 - (n * 8) // 12, 5, 4.5))
for k, sp in enumerate([588, 616, 644, 672, 700]):
    VERTEBRAE.append(('L%d' % (k + 1), sp, sp - 7, [432, 440, 446, 444, 436][k], 7, 5))


def vertebra_path(sp, tp, tpx, w, h):
    top = min(tp - h, sp - 10)
    half = C('M 400 %g L %g %g C %g %g %g %g %g %g L %g %g C %g %g %g %g %g %g C %g %g %g %g 400 %g' % (
        tp - h, tpx - 2, tp - h, tpx + 2, tp - h, tpx + 2, tp + h, tpx - 2, tp + h,
        400 + w + 2, tp + h,
        400 + w, tp + h + (sp - tp) * 0.4, 400 + w, sp - 2, 400 + w * 0.6, sp + 1,
        400 + w * 0.3, sp + 3, 400 + 1, sp + 3, sp + 3))
    return sym_closed(half)


RIBS = [  # centre lines, right side, from the transverse process outwards
    'M 428 269 C 445 261 462 261 471 272',
    'M 426 295 C 460 289 494 298 511 320',
    'M 425 320 C 464 314 508 328 527 356',
    'M 424 345 C 467 339 515 354 532 388',
    'M 423 370 C 469 364 519 380 534 416',
    'M 423 395 C 469 389 522 408 533 444',
    'M 422 420 C 469 415 521 436 531 472',
    'M 422 445 C 467 441 518 462 526 500',
    'M 421 470 C 464 467 514 488 520 526',
    'M 420 495 C 460 493 505 512 514 548',
    'M 419 520 C 450 519 486 536 503 560',
    'M 418 545 C 443 545 474 557 496 572',
]


def band(centre, w0, w1):
    """A tapering band around a single-cubic centre line (widths at the two ends)."""
    (p0, p1, p2, p3) = centre.segs[0]
    wm = (w0 + w1) / 2
    up = C('M %g %g C %g %g %g %g %g %g' % (p0[0], p0[1] - w0 / 2, p1[0], p1[1] - wm / 2, p2[0], p2[1] - wm / 2, p3[0], p3[1] - w1 / 2))
    lo = C('M %g %g C %g %g %g %g %g %g' % (p0[0], p0[1] + w0 / 2, p1[0], p1[1] + wm / 2, p2[0], p2[1] + wm / 2, p3[0], p3[1] + w1 / 2))
    cap = C('M %g %g Q %g %g %g %g' % (up.end[0], up.end[1], p3[0] + w1 * 0.6, p3[1], lo.end[0], lo.end[1]))
    return chain(up, cap, lo.rev(), line(lo.start, up.start))


SCAPULA = C('''M 505 308 C 515 308 528 311 536 313 C 539 316 542 318 545 316 C 548 315 551 316 553 318
    C 558 320 561 328 559 338 C 557 344 553 346 550 347
    C 540 372 520 410 509 436 C 507 441 501 443 498 438
    C 489 425 479 405 477 380 C 476 362 478 345 482 335 C 487 326 496 315 505 308''')
SCAP_SPINE = C('''M 480 338 C 500 328 530 316 548 305 C 551 296 558 290 565 292
    C 571 294 571 301 566 304 C 560 309 552 312 545 314 C 530 322 505 334 486 344 C 481 345 478 342 480 338''')
CLAVICLE = C('''M 556 290 C 540 286 520 290 500 292 C 480 294 460 290 440 287
    C 434 287 432 293 438 295 C 460 298 480 301 500 300 C 520 299 540 297 555 299 C 559 296 559 292 556 290''')
HUMERUS = C('''M 548 330 C 546 312 560 302 574 306 C 584 309 588 318 586 330 C 585 338 582 342 580 346
    C 586 380 590 405 594 425 C 598 480 603 540 606 580 C 611 590 615 600 613 609
    C 610 617 600 620 592 617 C 584 615 576 618 568 614 C 561 611 558 605 562 598
    C 570 580 568 540 566 500 C 564 440 560 390 557 352 C 552 347 548 340 548 330''')
FOREARM = [
    C('M 578 606 C 584 599 597 600 600 609 C 598 622 597 634 597 646 L 581 646 C 581 632 579 618 578 606'),
    C('M 604 622 C 609 619 615 621 615 627 C 614 633 613 640 613 646 L 604 646 C 605 638 605 630 604 622'),
]
HIP_BONE = C('''M 440 745 C 452 718 480 690 505 678 C 515 673 524 671 530 672
    C 545 674 558 688 562 705 C 564 716 561 724 556 729 C 552 745 548 765 548 782
    C 548 800 544 815 534 828 C 520 845 488 868 470 880 C 462 885 450 887 444 882
    C 432 878 414 870 405 860 C 401 852 401 843 404 838 C 420 830 445 822 458 812
    C 452 795 444 775 438 760 C 437 754 438 749 440 745''')
OBTURATOR = C('M 470 832 C 484 830 496 836 494 846 C 492 856 478 862 466 860 C 456 858 452 850 456 842 C 459 836 464 833 470 832')
SACRUM_R = C('''M 400 707 L 440 709 C 448 711 451 720 447 731 C 443 752 436 772 425 790
    C 419 798 412 802 407 804 C 405 808 404 812 403 815 C 402 818 401 819 400 819''')
SACRAL_FORAMINA = [(418, 726), (417, 746), (415, 765), (412, 782)]
FEMUR = C('''M 518 782 C 535 777 550 787 552 800 C 555 805 556 808 558 812
    C 562 810 568 815 569 828 C 570 840 566 852 560 862 C 556 920 548 1040 544 1158
    L 514 1158 C 515 1040 520 930 522 884 C 515 880 510 873 514 866 C 518 862 524 860 527 856
    C 530 842 524 826 514 818 C 506 810 506 790 518 782''')


def circle(cx, cy, r):
    k = 0.5523 * r
    return C('M %g %g C %g %g %g %g %g %g C %g %g %g %g %g %g C %g %g %g %g %g %g C %g %g %g %g %g %g' % (
        cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r,
        cx - k, cy + r, cx - r, cy + k, cx - r, cy,
        cx - r, cy - k, cx - k, cy - r, cx, cy - r,
        cx + k, cy - r, cx + r, cy - k, cx + r, cy))


def both(c):
    return [c, c.mirrored().rev()]


def bone_shapes():
    """[(d, extra attributes)] in drawing order."""
    out = [(d_of(sym_closed(SKULL_R)), '')]
    out.append((d_of(sym_closed(INION_R)), ''))
    for nl in NUCHAL_LINES:
        for c in both(nl):
            out.append((d_of(c, False), ' fill="none"'))
    for rib in RIBS:
        for c in both(band(C(rib), 5, 8)):
            out.append((d_of(c), ''))
    for name, sp, tp, tpx, w, h in VERTEBRAE:
        out.append((d_of(vertebra_path(sp, tp, tpx, w, h)), ''))
    out.append((d_of(sym_closed(SACRUM_R)), ''))
    for x, y in SACRAL_FORAMINA:
        for c in both(circle(x, y, 3)):
            out.append((d_of(c), ' fill="#cfc3a6"'))
    for c in both(HIP_BONE):
        out.append((d_of(c), ''))
    for c in both(OBTURATOR):
        out.append((d_of(c), ' fill="#cfc3a6"'))
    for c in both(FEMUR):
        out.append((d_of(c), ''))
    for part in [CLAVICLE, SCAPULA, SCAP_SPINE, HUMERUS] + FOREARM:
        for c in both(part):
            out.append((d_of(c), ''))
    return out
