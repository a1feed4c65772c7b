# SPDX-License-Identifier: GPL-3.0-or-later
# Draws Dorsum's anatomy figures: the posterior view (data/diagrams/back-*.svg), the anterior view
# (front-*.svg), and their *-labels.svg overlays; data/diagrams/figures.xml lists them for the app.
# Each muscle's outline is defined once on the picture's right half; the other is its exact mirror.
#
# Run from the repository root:  python3 build-aux/draw-diagrams.py [back|front ...]
# The output is committed; the build does not run this script.  Standard library only.
#
# Coordinates follow docs/library-format.md: viewBox 0 0 800 1200, midline x = 400.  In the posterior
# view the figure's right side is x > 400; the anterior view faces the viewer, so there x > 400 is the
# figure's left.  Neighbouring regions are built from shared border curves
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


def mirror_d(d):
    """Mirror a path string x -> 800 - x, token by token, so that twins are exact."""
    toks = re.findall(r'[MLQCZ]|' + NUM, d)
    out, coord = [], 0
    for t in toks:
        if t in 'MLQCZ':
            out.append(t)
            coord = 0
            continue
        if coord % 2 == 0:
            out.append(fmt(2 * MID - float(t)))
        else:
            out.append(t)
        coord += 1
    return ' '.join(out)


def sym_closed(half):
    """A symmetric closed outline from its right half, drawn from the midline top to the midline bottom."""
    return chain(half, half.mirrored().rev())


# ---------------------------------------------------------------------------------------------
# Body silhouette (right half: from the vertex clockwise to the crotch)
# ---------------------------------------------------------------------------------------------

BODY_R = C('''M 400 40 C 436 40 461 64 463 103
    C 469 99 474 111 473 125 C 472 141 467 152 461 155
    C 463 168 467 182 465 195 C 462 208 452 222 453 236 C 454 243 457 247 462 251
    C 496 262 542 271 568 288 C 590 299 605 318 607 345
    C 609 380 606 410 608 440 C 611 500 617 560 624 610 L 627 645
    Q 588 652 550 645 C 547 600 541 520 541 470 C 541 440 542 417 544 402
    C 541 425 539 450 537 480 C 534 530 527 570 524 600 C 522 630 538 655 556 685
    C 572 712 580 770 582 830 C 585 900 569 1050 562 1160
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
OCCIPUT_R = C('''M 400 92 C 420 100 440 118 452 140 C 456 150 457 165 456 176
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
    out = [(d_of(sym_closed(SKULL_R)), ' fill="none"'), (d_of(sym_closed(OCCIPUT_R)), '')]
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
            out.append((d_of(c), ' fill="%s"' % on_skin('#cfc3a6')))
    for c in both(HIP_BONE):
        out.append((d_of(c), ''))
    for c in both(OBTURATOR):
        out.append((d_of(c), ' fill="%s"' % on_skin('#cfc3a6')))
    for c in both(FEMUR):
        out.append((d_of(c), ''))
    for part in [CLAVICLE, SCAPULA, SCAP_SPINE, HUMERUS] + FOREARM:
        for c in both(part):
            out.append((d_of(c), ''))
    return out


# ---------------------------------------------------------------------------------------------
# Helpers for building regions
# ---------------------------------------------------------------------------------------------


def _line_inter(p, dp, q, dq):
    den = dp[0] * dq[1] - dp[1] * dq[0]
    if abs(den) < 1e-9:
        return None
    t = ((q[0] - p[0]) * dq[1] - (q[1] - p[1]) * dq[0]) / den
    return (p[0] + dp[0] * t, p[1] + dp[1] * t)


def offset(c, d):
    """Approximate parallel curve at distance d to the left of the direction of travel
    (for the clockwise right-half body outline that is inwards)."""
    segs = []
    for s in c.segs:
        pts = list(s)
        edges = []
        for i in range(len(pts) - 1):
            dx, dy = pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]
            L = math.hypot(dx, dy)
            edges.append(None if L < 1e-9 else (dx / L, dy / L))
        for i in range(len(edges)):  # borrow directions for degenerate edges
            if edges[i] is None:
                edges[i] = next((e for e in edges[i:] + edges[::-1] if e), (0.0, 1.0))
        norm = [(-e[1] * d, e[0] * d) for e in edges]
        new = [(pts[0][0] + norm[0][0], pts[0][1] + norm[0][1])]
        for i in range(1, len(pts) - 1):
            a = (pts[i][0] + norm[i - 1][0], pts[i][1] + norm[i - 1][1])
            b = (pts[i][0] + norm[i][0], pts[i][1] + norm[i][1])
            q = _line_inter(a, edges[i - 1], b, edges[i])
            new.append(q if q and dist(q, pts[i]) < 4 * abs(d) + 1 else b)
        new.append((pts[-1][0] + norm[-1][0], pts[-1][1] + norm[-1][1]))
        if segs and dist(segs[-1][-1], new[0]) > 1e-6:
            new[0] = segs[-1][-1]
        segs.append(tuple(new))
    return Curve(segs)


def pos(c, spec):
    """Resolve a position on curve c: a number (u), a Curve (first crossing), (Curve, k) (k-th crossing),
    ('y', v) / ('x', v) (crossing of a horizontal / vertical line), or a point (nearest)."""
    if isinstance(spec, (int, float)):
        return float(spec)
    if isinstance(spec, Curve):
        return cross(c, spec)[0]
    if isinstance(spec, tuple) and len(spec) == 2 and isinstance(spec[0], Curve):
        if isinstance(spec[1], tuple):
            hits = intersections(c, spec[0])
            if not hits:
                raise ValueError('curves do not cross near %s' % (spec[1],))
            return min(hits, key=lambda h: dist(c.point(h[0]), spec[1]))[0]
        return cross(c, spec[0], spec[1])[0]
    if isinstance(spec, tuple) and spec[0] == 'y':
        return at_y(c, spec[1], spec[2] if len(spec) > 2 else 0)
    if isinstance(spec, tuple) and spec[0] == 'x':
        return at_x(c, spec[1], spec[2] if len(spec) > 2 else 0)
    return nearest(c, spec)


def cut(c, a, b):
    """The piece of c from position a to position b (see pos); reversed when b comes first."""
    return c.sub(pos(c, a), pos(c, b))


def pt(c, spec):
    return c.point(pos(c, spec))


def catmull(points):
    """A smooth curve through the points (Catmull-Rom converted to cubic Beziers)."""
    segs = []
    P = [points[0]] + list(points) + [points[-1]]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segs.append((p1, c1, c2, p2))
    return Curve(segs)


def fibres_between(a, b, n, s0=0.06, s1=0.94, f0=0.12, f1=0.88, steps=6):
    """n fibre lines running along the muscle from one end to the other, interpolated between the
    side curves a and b (both oriented origin -> insertion)."""
    out = []
    for k in range(n):
        f = f0 + (f1 - f0) * (k / (n - 1) if n > 1 else 0.5)
        ptsk = []
        for j in range(steps + 1):
            s = s0 + (s1 - s0) * j / steps
            pa, pb = a.at_frac(s), b.at_frac(s)
            ptsk.append(lerp(pa, pb, f))
        out.append(catmull(ptsk))
    return out


def fibres_fan(origin, insertion, n, f0=0.1, f1=0.9, g0=None, g1=None, shrink=0.07, bend=0.0,
               t0=None, t1=None, t0b=None, t1b=None):
    """n fibres from points along the origin curve to points along the insertion curve.  Optional
    start / end tangent directions (t0, t1 for the first fibre, t0b, t1b for the last) bend them."""
    g0 = f0 if g0 is None else g0
    g1 = f1 if g1 is None else g1
    out = []
    for k in range(n):
        r = k / (n - 1) if n > 1 else 0.5
        p = origin.at_frac(f0 + (f1 - f0) * r)
        q = insertion.at_frac(g0 + (g1 - g0) * r)
        a, b = lerp(p, q, shrink), lerp(p, q, 1 - shrink)
        if t0 or t1:
            L = dist(a, b) * 0.42
            u0 = lerp(t0, t0b or t0, r) if t0 else (b[0] - a[0], b[1] - a[1])
            u1 = lerp(t1, t1b or t1, r) if t1 else (b[0] - a[0], b[1] - a[1])
            n0, n1 = math.hypot(*u0), math.hypot(*u1)
            c1 = (a[0] + u0[0] / n0 * L, a[1] + u0[1] / n0 * L)
            c2 = (b[0] - u1[0] / n1 * L, b[1] - u1[1] / n1 * L)
            out.append(Curve([(a, c1, c2, b)]))
            continue
        m = lerp(a, b, 0.5)
        nx, ny = -(b[1] - a[1]), (b[0] - a[0])
        m = (m[0] + nx * bend, m[1] + ny * bend)
        out.append(Curve([(a, m, b)]))
    return out


BODY_IN = offset(BODY_R, 1.5)

# ---------------------------------------------------------------------------------------------
# Shared border curves (right side).  Names: what the curve separates.
# ---------------------------------------------------------------------------------------------

MIDLINE = line((400, 150), (400, 830))
CREST = C('M 440 745 C 452 718 480 690 505 678 C 515 673 524 671 530 672 C 545 674 558 688 562 705 C 566 716 572 726 582 736')
THIGH_CUT = offset(C('M 562 1160 C 520 1172 460 1172 420 1160'), 1.5)

# trapezius
NUCHAL_SUP = C('M 400 165 C 418 162 440 164 455 170 C 459 172 462 176 463 180')
TRAP_UP = C('M 425 163 L 425 167 C 437 188 446 215 451 236 C 454 245 458 250 463 253 C 497 265 536 273 558 287')
DESC_TRANS = C('M 400 263 C 440 266 510 280 557 295')
SPINE_MID = C('M 566 301 C 548 312 515 326 486 338')
TRANS_ASC = C('M 400 347 C 430 345 460 341 486 338')
TRAP_LAT = C('M 486 338 C 486 360 484 378 478 398 C 464 440 430 510 400 563')
# scapular muscles
DELT_LAT = C('M 566 301 C 588 305 602 325 603 350 C 604 380 599 405 591 424')
DELT_POST = C('M 591 424 C 572 402 548 378 530 360 C 520 350 512 340 506 326')
SCAP_MED = C('M 506 307 C 500 314 492 326 486 338 C 479 352 476 367 477 382 C 478 404 487 428 501 447')
IA = (501.0, 447.0)
TMAJ_UP = C('M 501 447 C 506 438 511 428 516 420 C 528 404 544 386 566 372')
TMAJ_LOW = C('M 563 392 C 552 397 545 402 538 411 C 528 425 516 446 509 451 Q 502 455 501 447')
LAT_UP = C('M 436 472 C 458 456 480 442 498 437 C 518 432 536 426 544 402')
LAT_LAT = C('M 544 402 C 540 425 538 450 536 480 C 529 540 514 610 508 676 L 506 692')
LAT_MED = C('M 400 563 C 432 592 470 636 500 690')
# hip
GMAX_UP = C('M 462 690 C 495 735 540 775 590 818')
GMAX_LOW = C('M 592 892 C 565 922 525 930 490 921 C 460 913 428 900 403 884')
GMAX_MED = C('M 403 884 C 403 862 403 838 403 815 C 412 800 422 788 428 775 C 432 762 436 752 440 745')
GMED_LOW = C('M 590 798 C 578 806 570 815 566 828 C 545 812 500 775 449 727')
# hamstrings (from the ischial tuberosity)
SM_MED = C('M 436 871 C 430 920 428 1000 428 1060 C 428 1100 427 1140 427 1175')
ST_MED = C('M 444 868 C 440 950 446 1050 456 1175')
BF_ST = C('M 452 868 C 468 960 482 1060 492 1175')
BF_LAT = C('M 462 866 C 505 930 535 1050 546 1175')


def hamstrings(top, cutc=THIGH_CUT):
    """The three hamstrings below the curve `top` (None: from the tuberosity) down to `cutc`."""
    out = {}
    if top is None:
        st = chain(cut(ST_MED, 0, cutc), cut(cutc, ST_MED, BF_ST), cut(BF_ST, cutc, 0), line(BF_ST.start, ST_MED.start))
        bf = chain(cut(BF_ST, 0, cutc), cut(cutc, BF_ST, BF_LAT), cut(BF_LAT, cutc, 0), line(BF_LAT.start, BF_ST.start))
        sm = chain(cut(SM_MED, 0, cutc), cut(cutc, SM_MED, ST_MED), cut(ST_MED, cutc, 0), line(ST_MED.start, SM_MED.start))
        smf = (cut(SM_MED, 0, cutc), cut(ST_MED, 0, cutc))
    else:
        st = chain(cut(ST_MED, top, cutc), cut(cutc, ST_MED, BF_ST), cut(BF_ST, cutc, top), cut(top, BF_ST, ST_MED))
        bf = chain(cut(BF_ST, top, cutc), cut(cutc, BF_ST, BF_LAT), cut(BF_LAT, cutc, top), cut(top, BF_LAT, BF_ST))
        sm_top = ('y', 950)
        p0 = pt(ST_MED, sm_top)
        smm = cut(SM_MED, ('y', 1010), cutc)
        sm = chain(line(p0, smm.start), smm, cut(cutc, SM_MED, ST_MED), cut(ST_MED, cutc, sm_top))
        smf = (smm, cut(ST_MED, sm_top, cutc))
    out['semimembranosus'] = (sm, fibres_between(smf[0], smf[1], 3, f0=0.25, f1=0.75))
    out['semitendinosus'] = (st, fibres_between(cut(ST_MED, top or 0, cutc), cut(BF_ST, top or 0, cutc), 3, f0=0.25, f1=0.75))
    out['biceps-femoris'] = (bf, fibres_between(cut(BF_ST, top or 0, cutc), cut(BF_LAT, top or 0, cutc), 4, f0=0.2, f1=0.8))
    return out


def layer_superficial():
    R = {}
    # trapezius, descending part: occiput / nuchal ligament -> lateral clavicle
    nuch = cut(NUCHAL_SUP, 0, TRAP_UP)
    up = cut(TRAP_UP, NUCHAL_SUP, TRAP_UP.n)
    desc = chain(nuch, up, line(up.end, DESC_TRANS.end), DESC_TRANS.rev(), line((400, 263), (400, 165)))
    band = [(pt(TRAP_UP, ('x', x)), pt(DESC_TRANS, ('x', x))) for x in (470, 500, 525, 548)]
    dfib = []
    for y0, f, via in ((174, 0.2, (432, 228)), (194, 0.38, (424, 240)), (214, 0.56, (422, 250)), (234, 0.74, (420, 257))):
        pts = [(404 + (174 - y0) / -10.0 + 8 * (y0 == 174), y0), via] + [lerp(a, b, f) for a, b in band]
        dfib.append(catmull(pts))
    dfib.append(C('M 403 250 C 414 257 427 261 440 263'))
    R['trapezius-descending'] = (desc, dfib)
    # transverse part: C7-T3 -> acromion and spine of scapula
    trans = chain(DESC_TRANS, line(DESC_TRANS.end, SPINE_MID.start), SPINE_MID, TRANS_ASC.rev(), line((400, 347), (400, 263)))
    R['trapezius-transverse'] = (trans, fibres_fan(line((402, 270), (402, 340)), C('M 556 300 C 540 310 515 324 492 336'), 5, bend=0.02))
    # ascending part: T4-T12 -> root of the scapular spine
    asc = chain(TRANS_ASC, TRAP_LAT, line((400, 563), (400, 347)))
    R['trapezius-ascending'] = (asc, fibres_fan(line((402, 360), (402, 545)), C('M 470 345 L 484 343'), 6, f0=0.05, f1=0.92, shrink=0.05))
    # posterior deltoid: spine of scapula / acromion -> deltoid tuberosity
    d_sp = cut(SPINE_MID, 0, DELT_POST)
    delt = chain(DELT_LAT, cut(DELT_POST, 0, SPINE_MID), d_sp.rev())
    R['posterior-deltoid'] = (delt, fibres_fan(C('M 505 334 C 530 323 552 312 572 304 C 585 308 596 322 600 340'), line((588, 412), (590, 418)), 6, f0=0.05, f1=0.95, shrink=0.06))
    # latissimus dorsi (visible part): T7-T12, thoracolumbar fascia, iliac crest -> humerus (axilla)
    lat_top = cut(LAT_UP, TRAP_LAT, LAT_UP.n)
    lat_side = cut(LAT_LAT, 0, CREST)
    lat = chain(lat_top, lat_side, cut(CREST, LAT_LAT, LAT_MED), cut(LAT_MED, CREST, 0), cut(TRAP_LAT, LAT_MED.start, LAT_UP))
    R['latissimus-dorsi'] = (lat, fibres_fan(C('M 402 560 C 430 590 470 636 497 682 L 512 678'), C('M 470 458 C 500 444 522 430 538 410'), 7, f0=0.04, f1=0.96, g0=0.0, g1=1.0, shrink=0.06, bend=-0.04))
    # infraspinatus, where it shows
    infra = chain(cut(SPINE_MID, SPINE_MID.n, DELT_POST),
                  cut(DELT_POST, SPINE_MID, TMAJ_UP), cut(TMAJ_UP, DELT_POST, LAT_UP), cut(LAT_UP, TMAJ_UP, SCAP_MED),
                  cut(SCAP_MED, LAT_UP, (TRAP_LAT, (478, 398))), cut(TRAP_LAT, (SCAP_MED, (478, 398)), 0))
    R['infraspinatus'] = (infra, fibres_fan(C('M 490 350 C 486 375 490 400 505 420'), C('M 520 344 C 532 360 540 372 548 380'), 4, bend=0.0))
    # teres major, between infraspinatus, deltoid and latissimus
    tri = line(pt(DELT_POST, ('y', 398)), LAT_UP.end)
    tm = chain(cut(TMAJ_UP, LAT_UP, DELT_POST), cut(DELT_POST, TMAJ_UP, ('y', 398)), tri, cut(LAT_UP, LAT_UP.n, TMAJ_UP))
    R['teres-major'] = (tm, fibres_fan(C('M 515 432 L 522 424'), C('M 548 400 L 556 388'), 3, f0=0.0, f1=1.0, shrink=0.05))
    # external oblique, posterior part: lower ribs -> iliac crest
    eo_side = cut(BODY_IN, ('y', 480, 2), CREST)
    eo = chain(line(LAT_LAT.point(1), eo_side.start), eo_side, cut(CREST, BODY_IN, LAT_LAT), cut(LAT_LAT, CREST, 1))
    R['external-oblique'] = (eo, fibres_between(cut(LAT_LAT, 1, CREST), cut(BODY_IN, ('y', 482, 2), CREST), 4, s0=0.1, s1=0.86, f0=0.2, f1=0.8))
    # thoracolumbar fascia: lumbar aponeurosis between the latissimus origins, over the sacrum
    sac = cut(GMAX_MED, GMAX_MED.n, 1)
    tlf = chain(cut(LAT_MED, 0, CREST), cut(CREST, LAT_MED, 0), sac, line(sac.end, (400, 815)), line((400, 815), (400, 563)))
    R['thoracolumbar-fascia'] = (tlf, fibres_fan(C('M 420 582 C 445 610 470 640 488 672'), line((402, 600), (402, 790)), 6, f0=0.05, f1=0.95, g0=0.05, g1=0.95, shrink=0.1))
    # gluteus medius, upper lateral part not covered by gluteus maximus
    gm_side = cut(BODY_IN, CREST, GMAX_UP)
    gmed = chain(cut(CREST, GMAX_UP, BODY_IN), gm_side, cut(GMAX_UP, BODY_IN, CREST))
    R['gluteus-medius'] = (gmed, fibres_fan(cut(CREST, GMAX_UP, BODY_IN), C('M 552 770 L 570 786'), 4, f0=0.15, f1=0.9))
    # gluteus maximus: posterior ilium, sacrum, coccyx -> iliotibial tract, gluteal tuberosity
    gx_side = cut(BODY_IN, GMAX_UP, GMAX_LOW)
    gmax = chain(cut(GMAX_UP, CREST, BODY_IN), gx_side, cut(GMAX_LOW, BODY_IN, GMAX_LOW.n), GMAX_MED, cut(CREST, 0, GMAX_UP))
    R['gluteus-maximus'] = (gmax, fibres_fan(C('M 470 712 C 450 735 430 770 410 800 L 406 860'), C('M 572 822 C 574 845 572 870 560 905'), 7, f0=0.03, f1=0.95, shrink=0.05))
    R.update(hamstrings(GMAX_LOW))
    return R


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

SHADES = ['#c8584f', '#b04a44', '#bf524b', '#c4605a', '#b7504a', '#cc5e55', '#ae4741', '#c25a51']
COLOUR = {}


def colour(mid):
    if mid not in COLOUR:
        COLOUR[mid] = SHADES[len(COLOUR) % len(SHADES)]
    return COLOUR[mid]


for _m in ['trapezius-descending', 'trapezius-transverse', 'trapezius-ascending', 'latissimus-dorsi',
           'posterior-deltoid', 'infraspinatus', 'teres-major', 'teres-minor', 'supraspinatus',
           'external-oblique', 'thoracolumbar-fascia', 'gluteus-medius', 'gluteus-maximus',
           'biceps-femoris', 'semitendinosus', 'semimembranosus', 'rhomboid-major', 'rhomboid-minor',
           'levator-scapulae', 'serratus-posterior-superior', 'serratus-posterior-inferior',
           'splenius-capitis', 'splenius-cervicis', 'iliocostalis', 'longissimus', 'spinalis',
           'semispinalis-capitis', 'semispinalis-cervicis', 'semispinalis-thoracis', 'multifidus',
           'rotatores', 'suboccipitals', 'quadratus-lumborum', 'gluteus-minimus', 'piriformis',
           'deep-hip-rotators']:
    colour(_m)
COLOUR['thoracolumbar-fascia'] = '#cf8a80'

LAYERS = [
    ('superficial', 'Back, superficial layer (posterior view)'),
    ('middle', 'Back, middle layer (posterior view): trapezius, latissimus dorsi, deltoid and gluteus maximus removed'),
    ('deep', 'Back, deep layer (posterior view)'),
]


SKIN = '#f1d9c9'
BONE_OPACITY = 0.7


def on_skin(colour):
    """A bone colour as it shows at BONE_OPACITY over the skin.

    The bones lie on the skin, so mixing their colours here looks the same as giving their
    group that opacity, without making the renderer draw the group offscreen first (which
    took a quarter of the time to render a layer)."""
    mixed = []
    for i in (1, 3, 5):
        top, under = int(colour[i:i + 2], 16), int(SKIN[i:i + 2], 16)
        mixed.append(round(BONE_OPACITY * top + (1 - BONE_OPACITY) * under))
    return '#%02x%02x%02x' % tuple(mixed)


def svg_open(title):
    return ['<?xml version="1.0" encoding="UTF-8"?>',
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 1200" width="800" height="1200">',
            '  <title>%s</title>' % title]


def layer_svg(fig, title, regions):
    out = svg_open(title)
    out.append('  <g id="body">')
    out.append('    <path d="%s" fill="%s" stroke="#b08f7f" stroke-width="1.5"/>' % (d_of(fig.body), SKIN))
    for c in fig.lines:
        for m in both(c):
            out.append('    <path d="%s" fill="none" stroke="#b08f7f" stroke-width="1" stroke-opacity="0.7"/>' % d_of(m, False))
    out.append('  </g>')
    out.append('  <g id="bones" pointer-events="none" fill="%s" stroke="%s" stroke-width="1">'
               % (on_skin('#e9e1cf'), on_skin('#b9ad92')))
    for d, extra in fig.bones():
        out.append('    <path d="%s"%s/>' % (d, extra))
    out.append('  </g>')
    out.extend(fig.extra)
    out.append('  <g id="muscles">')
    for mid, (outline, fib) in regions.items():
        d = outline_d(outline)
        for side, dd in ((fig.drawn, d), (fig.mirror, mirror_d(d))):
            out.append('    <path id="%s.%s" class="muscle" d="%s" fill="%s" fill-opacity="0.9" stroke="#7a2a26" stroke-width="1"/>'
                       % (mid, side, dd, colour(mid)))
    out.append('  </g>')
    out.append('  <g id="fibres" pointer-events="none" fill="none" stroke="#7a2a26" stroke-opacity="0.45" stroke-width="0.8" stroke-linecap="round">')
    for mid, (outline, fib) in regions.items():
        for c in fib:
            d = d_of(c, False)
            out.append('    <path d="%s"/>' % d)
            out.append('    <path d="%s"/>' % mirror_d(d))
    out.append('  </g>')
    out.append('</svg>')
    return '\n'.join(out) + '\n'


class Multi:
    """A region made of several closed outlines (one <path> with several subpaths)."""

    def __init__(self, *parts):
        self.parts = list(parts)

    def mirrored(self):
        return Multi(*[p.mirrored() for p in self.parts])


def outline_d(o):
    if isinstance(o, Multi):
        return ' '.join(d_of(p) for p in o.parts)
    return d_of(o)


def outline_parts(o):
    return o.parts if isinstance(o, Multi) else [o]


# middle layer borders
SPLC_MED = C('M 400 248 L 400 226 C 402 208 414 186 432 160')
SPLC_LAT = C('M 463 180 C 464 190 463 198 460 204 C 450 216 440 234 433 252 C 430 262 428 272 426 282')
SPS_UP = C('M 400 248 C 432 258 460 280 486 318')
LM_U = 0.45                      # on SCAP_MED: end of the levator insertion, start of rhomboid minor
RMIN_UP = C('M 400 262 C 430 276 466 298 %g %g' % SCAP_MED.point(LM_U))
RMAJ_UP = C('M 486 338 C 460 322 430 303 400 292')
RMAJ_LOW = C('M 501 447 C 470 425 430 402 400 390')
LEV_MED = C('M 434 206 C 438 236 462 278 %g %g' % SCAP_MED.point(LM_U))
SUPRA_UP = C('M 506 307 C 522 300 540 296 556 299')
SPINE_UP = C('M 476 341 C 498 331 530 317 550 306')
SPINE_LOW = C('M 478 347 C 505 336 530 324 548 315 C 556 314 566 316 578 321')
INFRA_LOW = C('M 578 331 C 562 341 538 377 516 420')
TMIN_LOW = C('M 577 345 C 559 358 535 386 518 419')
SPIN_LAT = C('M 405 300 C 420 370 425 450 423 510 C 421 560 413 600 405 620')
LONG_LAT = C('M 412 792 C 426 760 444 715 446 660 C 447 600 448 530 452 470 C 455 410 450 350 445 290')
LONG_MED_LOW = C('M 405 620 C 406 680 406 740 412 792')
ILIO_LAT = C('M 470 720 C 472 680 468 640 468 600 C 470 550 480 500 483 450 C 485 410 478 370 470 330')
SPI_UP = C('M 405 540 C 450 524 485 508 516 496')
SPI_LOW = C('M 400 612 C 440 600 480 588 506 576')
SPI_END = C('''M 516 496 C 521 499 524 505 521 510 C 518 513 514 514 511 516 C 516 520 520 526 518 531
    C 516 534 512 535 508 537 C 512 541 516 547 513 552 C 511 555 507 556 504 557 C 508 562 509 570 506 576''')
GMED_LOW = C('M 590 798 C 578 806 570 815 566 828 C 545 812 500 775 445 722')


def layer_middle():
    R = {}
    lm = SCAP_MED.point(LM_U)
    # splenius capitis: nuchal ligament C3-T3 -> mastoid, lateral superior nuchal line
    s1 = cross(SPLC_LAT, SPS_UP)
    splc = chain(cut(SPLC_MED, 0, NUCHAL_SUP), cut(NUCHAL_SUP, SPLC_MED, NUCHAL_SUP.n), cut(SPLC_LAT, 0, SPS_UP),
                 cut(SPS_UP, SPLC_LAT, 0))
    R['splenius-capitis'] = (splc, fibres_fan(line((402, 244), (405, 206)), C('M 459 192 C 457 178 448 169 436 167'), 5, f0=0.0, f1=1.0, shrink=0.05))
    # splenius cervicis: T3-T6 -> transverse processes C1-C3 (shows between splenius capitis and levator)
    spc = chain(cut(SPLC_LAT, LEV_MED, SPS_UP), cut(SPS_UP, SPLC_LAT, RMIN_UP), cut(RMIN_UP, SPS_UP, RMIN_UP.n),
                cut(LEV_MED, LEV_MED.n, SPLC_LAT))
    R['splenius-cervicis'] = (spc, fibres_between(cut(SPLC_LAT, LEV_MED, SPS_UP), cut(LEV_MED, SPLC_LAT, LEV_MED.n), 3, s0=0.1, s1=0.85, f0=0.25, f1=0.75))
    # levator scapulae: transverse processes C1-C4 -> superior angle of the scapula
    top_in = pt(BODY_IN, ('y', 206))
    neck_side = cut(BODY_IN, ('y', 206), ('y', 252))
    lev_lat = C('M %g %g C 480 262 496 285 %g %g' % (neck_side.end + SCAP_MED.start))
    lev = chain(line(pt(SPLC_LAT, ('y', 206)), top_in), neck_side, lev_lat, cut(SCAP_MED, 0, LM_U),
                cut(LEV_MED, LEV_MED.n, SPLC_LAT), cut(SPLC_LAT, LEV_MED, ('y', 206)))
    R['levator-scapulae'] = (lev, fibres_between(cut(LEV_MED, SPLC_LAT, LEV_MED.n), neck_side + lev_lat, 3, s0=0.05, s1=0.97, f0=0.2, f1=0.8))
    # serratus posterior superior (only its upper edge shows above rhomboid minor)
    sps = chain(cut(SPS_UP, 0, RMIN_UP), cut(RMIN_UP, SPS_UP, 0), line((400, 262), (400, 248)))
    R['serratus-posterior-superior'] = (sps, fibres_between(cut(SPS_UP, 0, RMIN_UP), cut(RMIN_UP, 0, SPS_UP), 2, s0=0.04, s1=0.8, f0=0.3, f1=0.7))
    # rhomboid minor: C7-T1 -> medial border at the root of the spine
    rmin = chain(RMIN_UP, cut(SCAP_MED, LM_U, 1), RMAJ_UP, line((400, 292), (400, 262)))
    R['rhomboid-minor'] = (rmin, fibres_between(RMIN_UP, RMAJ_UP.rev(), 3, s0=0.03, s1=0.97, f0=0.2, f1=0.8))
    # rhomboid major: T2-T5 -> medial border from the spine to the inferior angle
    rmaj = chain(RMAJ_UP.rev(), cut(SCAP_MED, 1, 3), RMAJ_LOW, line((400, 390), (400, 292)))
    R['rhomboid-major'] = (rmaj, fibres_fan(line((402, 298), (402, 386)), cut(SCAP_MED, 1.05, 2.95), 6, f0=0.05, f1=0.95, shrink=0.04))
    # supraspinatus: supraspinous fossa -> greater tubercle (passes under the acromion)
    supra = chain(SUPRA_UP, line(SUPRA_UP.end, SPINE_UP.end), cut(SPINE_UP, SPINE_UP.n, SCAP_MED), cut(SCAP_MED, SPINE_UP, 0))
    R['supraspinatus'] = (supra, fibres_between(C('M 508 310 C 525 304 540 301 552 301'), C('M 500 320 C 520 316 538 309 550 304'), 3, s0=0.05, s1=0.95, f0=0.2, f1=0.8))
    # infraspinatus: infraspinous fossa -> greater tubercle
    infra = chain(cut(SPINE_LOW, SCAP_MED, SPINE_LOW.n), line(SPINE_LOW.end, INFRA_LOW.start), INFRA_LOW,
                  cut(TMAJ_UP, 1, 0), cut(SCAP_MED, 3, SPINE_LOW))
    R['infraspinatus'] = (infra, fibres_fan(C('M 488 352 C 480 380 484 410 500 436'), C('M 566 322 L 570 330'), 6, f0=0.03, f1=0.95, shrink=0.05, t1=(1, -0.35), t1b=(1, -1.1)))
    # teres minor: lateral border of the scapula -> greater tubercle (lowest facet)
    tmin = chain(INFRA_LOW.rev(), line(INFRA_LOW.start, TMIN_LOW.start), TMIN_LOW, line(TMIN_LOW.end, INFRA_LOW.end))
    R['teres-minor'] = (tmin, fibres_between(INFRA_LOW.rev(), TMIN_LOW.rev(), 2, s0=0.08, s1=0.92, f0=0.35, f1=0.65))
    # teres major: inferior angle -> medial lip of the intertubercular groove
    tmaj = chain(TMAJ_UP, line(TMAJ_UP.end, TMAJ_LOW.start), TMAJ_LOW)
    R['teres-major'] = (tmaj, fibres_between(cut(TMAJ_UP, 0.3, 2), C('M 507 448 C 524 430 544 404 563 393'), 3, s0=0.1, s1=0.95, f0=0.25, f1=0.8))
    # erector spinae, lateral to medial.  Serratus posterior inferior covers them at T11-L2.
    spi = chain(cut(SPI_UP, SPIN_LAT, SPI_UP.n), SPI_END, cut(SPI_LOW, SPI_LOW.n, SPIN_LAT), cut(SPIN_LAT, SPI_LOW, SPI_UP))
    R['serratus-posterior-inferior'] = (spi, fibres_fan(cut(SPIN_LAT, SPI_UP, SPI_LOW).rev(), C('M 512 502 L 503 570'), 4, f0=0.1, f1=0.9, shrink=0.08))
    spin = chain(cut(RMAJ_LOW, ('x', 405), SPIN_LAT), cut(SPIN_LAT, RMAJ_LOW, SPIN_LAT.n), line(SPIN_LAT.end, pt(RMAJ_LOW, ('x', 405))))
    R['spinalis'] = (spin, fibres_between(C('M 406 396 L 406 618'), cut(SPIN_LAT, RMAJ_LOW, SPIN_LAT.n), 2, s0=0.04, s1=0.96, f0=0.35, f1=0.7))
    long_up = chain(cut(RMAJ_LOW, SPIN_LAT, LONG_LAT), cut(LONG_LAT, RMAJ_LOW, SPI_UP), cut(SPI_UP, LONG_LAT, SPIN_LAT), cut(SPIN_LAT, SPI_UP, RMAJ_LOW))
    long_lo = chain(cut(SPI_LOW, SPIN_LAT, LONG_LAT), cut(LONG_LAT, SPI_LOW, 0), LONG_MED_LOW.rev(), cut(SPIN_LAT, SPIN_LAT.n, SPI_LOW))
    lf = fibres_between(cut(SPIN_LAT, RMAJ_LOW, SPI_UP), cut(LONG_LAT, RMAJ_LOW, SPI_UP), 2, s0=0.03, s1=0.97, f0=0.3, f1=0.7) + \
        fibres_between(C('M 409 790 C 406 740 406 680 408 616'), cut(LONG_LAT, 0, SPI_LOW), 3, s0=0.05, s1=0.97, f0=0.25, f1=0.75)
    R['longissimus'] = (Multi(long_up, long_lo), lf)
    psis = CREST.start
    ilio_up = chain(cut(RMAJ_LOW, LONG_LAT, ILIO_LAT), cut(ILIO_LAT, RMAJ_LOW, SPI_UP), cut(SPI_UP, ILIO_LAT, LONG_LAT), cut(LONG_LAT, SPI_UP, RMAJ_LOW))
    ilio_lo = chain(cut(SPI_LOW, LONG_LAT, ILIO_LAT), cut(ILIO_LAT, SPI_LOW, CREST), cut(CREST, ILIO_LAT, 0),
                    line(psis, pt(LONG_LAT, psis)), cut(LONG_LAT, psis, SPI_LOW))
    iff = fibres_between(cut(LONG_LAT, RMAJ_LOW, SPI_UP), cut(ILIO_LAT, RMAJ_LOW, SPI_UP), 2, s0=0.03, s1=0.97, f0=0.3, f1=0.7) + \
        fibres_between(cut(LONG_LAT, psis, SPI_LOW), cut(ILIO_LAT, CREST, SPI_LOW), 2, s0=0.05, s1=0.95, f0=0.3, f1=0.7)
    R['iliocostalis'] = (Multi(ilio_up, ilio_lo), iff)
    # gluteus medius: outer ilium below the crest -> greater trochanter
    gmed = chain(cut(CREST, GMED_LOW, BODY_IN), cut(BODY_IN, CREST, GMED_LOW), cut(GMED_LOW, BODY_IN, CREST))
    R['gluteus-medius'] = (gmed, fibres_fan(cut(CREST, GMED_LOW, BODY_IN), C('M 556 812 L 570 812'), 6, f0=0.06, f1=0.94, shrink=0.05))
    R.update(hamstrings(None))
    return R

# deep layer borders
NUCHAL_INF = C('M 401 179 C 418 177 434 178 448 183')
SSCAP_MED = C('M 403 160 L 403 205 C 408 225 418 255 426 285 C 432 315 437 360 441 405')
SSCAP_LAT = C('M 428 160 L 428 167 C 426 175 425 190 426 207 C 432 230 446 262 453 295 C 458 330 455 370 441 405')
SUBOCC_LOW = C('M 426 208 C 436 206 446 202 453 197 C 456 192 453 186 448 183')
SST_LAT = C('M 403 250 C 416 290 430 345 441 405 C 447 440 446 490 436 522 C 432 532 426 540 418 548')
MULT_LAT = C('M 410 802 C 422 792 432 765 434 730 C 438 690 436 625 428 585 C 424 540 427 420 416 326')
QL_TOP = C('M 418 549 C 443 549 474 561 500 578')
QL_MED = C('M 432 545 C 440 590 447 635 448 675 C 448 695 449 712 456 732')
QL_LAT = C('M 488 560 C 502 600 515 640 526 690')
GMIN_UP = C('M 470 785 C 495 748 528 718 560 710')
GMIN_LAT = C('M 560 710 C 568 730 572 770 568 795 C 566 803 562 809 558 813')
PIRI_UP = C('M 444 752 C 470 768 512 790 558 813')
PIRI_LOW = C('M 428 795 C 465 805 515 816 557 823')
PIRI_MED = C('M 428 795 C 434 782 440 768 444 752')
DHR = C('M 458 812 C 490 818 525 824 556 826 C 558 840 557 858 553 872 C 525 878 498 880 474 877 C 466 860 461 836 458 812')
DEEP_HAM_CUT = C('M 566 992 C 520 1004 460 1004 415 992')


def rotatores_edge(x0, x1, ys):
    """The saw-tooth lateral edge of the rotatores: one small slip per thoracic level."""
    d = 'M %g %g' % (x0, ys[0])
    for y in ys[1:]:
        d += ' L %g %g L %g %g' % (x1, y - 4, x0, y)
    return C(d)


ROT_YS = [334] + [285 + 25 * (n - 1) - 4 for n in range(4, 13)] + [590]
ROT_LAT = rotatores_edge(408, 413, ROT_YS)


def layer_deep():
    R = {}
    # suboccipitals: rectus capitis posterior major/minor, obliquus capitis superior/inferior (the triangle below the occiput)
    sub = chain(cut(NUCHAL_INF, SSCAP_LAT, NUCHAL_INF.n), SUBOCC_LOW.rev(), cut(SSCAP_LAT, SUBOCC_LOW, NUCHAL_INF))
    R['suboccipitals'] = (sub, fibres_fan(C('M 428 204 L 446 200'), C('M 431 181 L 446 185'), 3, f0=0.1, f1=0.9, shrink=0.1))
    # semispinalis capitis: transverse processes C4-T6 -> occiput between the nuchal lines
    top = cut(NUCHAL_SUP, SSCAP_MED, SSCAP_LAT)
    scap = chain(top, cut(SSCAP_LAT, NUCHAL_SUP, SSCAP_LAT.n), cut(SSCAP_MED, SSCAP_MED.n, NUCHAL_SUP))
    R['semispinalis-capitis'] = (scap, fibres_between(cut(SSCAP_MED, NUCHAL_SUP, SSCAP_MED.n), cut(SSCAP_LAT, NUCHAL_SUP, SSCAP_LAT.n), 3, s0=0.03, s1=0.9, f0=0.25, f1=0.75))
    # semispinalis cervicis: transverse processes T1-T6 -> spinous processes C2-C5
    sst1 = SST_LAT.head(1)
    cerv = chain(cut(SSCAP_MED, 1, SSCAP_MED.n), sst1.rev(), line(sst1.start, (403, 205)))
    R['semispinalis-cervicis'] = (cerv, fibres_between(cut(SSCAP_MED, 1, SSCAP_MED.n), sst1, 2, s0=0.02, s1=0.9, f0=0.3, f1=0.7))
    # semispinalis thoracis: transverse processes T6-T10 -> spinous processes C6-T4
    rot_top = ROT_LAT.start
    m_top = cut(MULT_LAT, SST_LAT, MULT_LAT.n)
    sst = chain(cut(SST_LAT, 0, MULT_LAT), m_top, line(MULT_LAT.end, rot_top), line(rot_top, (403, 334)), line((403, 334), (403, 250)))
    R['semispinalis-thoracis'] = (sst, fibres_between(line((405, 256), (405, 326)) + line((405, 326), MULT_LAT.end) + m_top.rev(), cut(SST_LAT, 0, MULT_LAT), 3, s0=0.02, s1=0.97, f0=0.3, f1=0.75))
    # rotatores: transverse process -> lamina of the vertebra above, close to the spine (thoracic)
    rot = chain(line((403, 334), rot_top), ROT_LAT, line(ROT_LAT.end, (403, 590)), line((403, 590), (403, 334)))
    rf = [line((410, y - 6), (405, y - 14)) for y in ROT_YS[1:-1]]
    R['rotatores'] = (rot, rf)
    # multifidus: sacrum, transverse processes -> spinous processes 2-4 levels up
    mult = chain(m_top.rev(), cut(MULT_LAT, SST_LAT, 0), line(MULT_LAT.start, (403, 796)), line((403, 796), (403, 592)), line((403, 592), ROT_LAT.end), ROT_LAT.rev(), line(ROT_LAT.start, MULT_LAT.end))
    mf = fibres_fan(C('M 422 786 C 428 752 432 700 431 640 C 428 600 424 560 422 470'), C('M 406 740 L 406 600 L 414 560 L 413 420'), 7, f0=0.02, f1=0.92, g0=0.02, g1=0.9, shrink=0.06)
    R['multifidus'] = (mult, mf)
    # quadratus lumborum: iliac crest, iliolumbar ligament -> 12th rib, transverse processes L1-L4
    ql = chain(cut(QL_TOP, QL_MED, QL_LAT), cut(QL_LAT, QL_TOP, CREST), cut(CREST, QL_LAT, QL_MED), cut(QL_MED, CREST, QL_TOP))
    R['quadratus-lumborum'] = (ql, fibres_fan(cut(CREST, QL_LAT, QL_MED), cut(QL_TOP, QL_LAT, QL_MED), 4, f0=0.1, f1=0.9, shrink=0.06) +
                               fibres_fan(C('M 447 620 L 448 670'), C('M 475 600 L 500 650'), 2, f0=0.0, f1=1.0, shrink=0.1))
    # gluteus minimus: outer ilium between the anterior and inferior gluteal lines -> greater trochanter
    gmin = chain(cut(GMIN_UP, PIRI_UP, GMIN_UP.n), GMIN_LAT, cut(PIRI_UP, PIRI_UP.n, GMIN_UP))
    R['gluteus-minimus'] = (gmin, fibres_fan(cut(GMIN_UP, PIRI_UP, GMIN_UP.n), C('M 548 806 L 560 804'), 5, f0=0.1, f1=0.92, shrink=0.06))
    # piriformis: anterior sacrum -> upper border of the greater trochanter
    piri = chain(PIRI_UP, line(PIRI_UP.end, PIRI_LOW.end), PIRI_LOW.rev(), PIRI_MED)
    R['piriformis'] = (piri, fibres_between(PIRI_UP, PIRI_LOW, 3, s0=0.04, s1=0.96, f0=0.25, f1=0.75))
    # gemelli, obturator internus, quadratus femoris
    R['deep-hip-rotators'] = (DHR, fibres_between(C('M 463 822 C 490 826 525 830 552 832'), C('M 472 868 C 495 872 525 870 552 866'), 4, s0=0.02, s1=0.98, f0=0.1, f1=0.9))
    R.update(hamstrings(None, DEEP_HAM_CUT))
    return R


# ---------------------------------------------------------------------------------------------
# Polygons, for label anchors and the self-check
# ---------------------------------------------------------------------------------------------


def parse_d(d):
    """Closed polygons (flattened) from an absolute M/L/Q/C/Z path string."""
    toks = re.findall(r'[A-Za-z]|' + NUM, d)
    polys, cur, i, cmd, start = [], [], 0, None, None
    while i < len(toks):
        t = toks[i]
        if t.isalpha():
            cmd = t
            i += 1
            if cmd == 'Z':
                if cur:
                    polys.append(cur)
                cur = []
            continue
        k = {'M': 1, 'L': 1, 'Q': 2, 'C': 3}[cmd]
        pts = [(float(toks[i + 2 * j]), float(toks[i + 2 * j + 1])) for j in range(k)]
        i += 2 * k
        if cmd == 'M':
            if cur:
                polys.append(cur)
            cur = [pts[0]]
            cmd = 'L'
            continue
        seg = [cur[-1]] + pts
        n = 1 if k == 1 else 48
        cur.extend(bez_point(seg, j / n) for j in range(1, n + 1))
    if cur:
        polys.append(cur)
    return polys


def scanlines(polys, y0=0, y1=1200):
    """{row: [(x0, x1), ...]} for scanlines y = row + 0.5 (even-odd over all subpaths)."""
    rows = {}
    edges = []
    for poly in polys:
        for a, b in zip(poly, poly[1:] + poly[:1]):
            if a[1] != b[1]:
                edges.append((a, b))
    for a, b in edges:
        lo, hi = min(a[1], b[1]), max(a[1], b[1])
        for r in range(max(y0, int(math.floor(lo - 0.5))), min(y1, int(math.ceil(hi)) + 1)):
            y = r + 0.5
            if lo <= y < hi:
                x = a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1])
                rows.setdefault(r, []).append(x)
    out = {}
    for r, xs in rows.items():
        xs.sort()
        out[r] = [(xs[j], xs[j + 1]) for j in range(0, len(xs) - 1, 2)]
    return out


def overlap_len(a, b):
    tot, i, j = 0.0, 0, 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if hi > lo:
            tot += hi - lo
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tot


def area(rows):
    return sum(x1 - x0 for iv in rows.values() for x0, x1 in iv)


def inside(polys, p):
    c = False
    for poly in polys:
        for a, b in zip(poly, poly[1:] + poly[:1]):
            if (a[1] > p[1]) != (b[1] > p[1]):
                x = a[0] + (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1])
                if x > p[0]:
                    c = not c
    return c


def edge_dist(polys, p):
    best = 1e9
    for poly in polys:
        for a, b in zip(poly, poly[1:] + poly[:1]):
            dx, dy = b[0] - a[0], b[1] - a[1]
            L = dx * dx + dy * dy
            t = 0 if L == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
            best = min(best, math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy))
    return best


def anchor(polys):
    """A point well inside the region (approximate pole of inaccessibility)."""
    xs = [p[0] for poly in polys for p in poly]
    ys = [p[1] for poly in polys for p in poly]
    best = (-1, None)
    step = 3.0
    y = min(ys) + step / 2
    while y < max(ys):
        x = min(xs) + step / 2
        while x < max(xs):
            if inside(polys, (x, y)):
                dd = edge_dist(polys, (x, y))
                if dd > best[0]:
                    best = (dd, (x, y))
            x += step
        y += step
    return best[1]


# ---------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------

NAMES = {
    'trapezius-descending': 'Trapezius (descending)', 'trapezius-transverse': 'Trapezius (transverse)',
    'trapezius-ascending': 'Trapezius (ascending)', 'latissimus-dorsi': 'Latissimus dorsi',
    'posterior-deltoid': 'Posterior deltoid', 'infraspinatus': 'Infraspinatus', 'teres-major': 'Teres major',
    'teres-minor': 'Teres minor', 'supraspinatus': 'Supraspinatus', 'external-oblique': 'External oblique',
    'thoracolumbar-fascia': 'Thoracolumbar fascia', 'gluteus-maximus': 'Gluteus maximus',
    'gluteus-medius': 'Gluteus medius', 'gluteus-minimus': 'Gluteus minimus', 'biceps-femoris': 'Biceps femoris',
    'semitendinosus': 'Semitendinosus', 'semimembranosus': 'Semimembranosus', 'rhomboid-major': 'Rhomboid major',
    'rhomboid-minor': 'Rhomboid minor', 'levator-scapulae': 'Levator scapulae',
    'serratus-posterior-superior': 'Serratus posterior superior',
    'serratus-posterior-inferior': 'Serratus posterior inferior', 'splenius-capitis': 'Splenius capitis',
    'splenius-cervicis': 'Splenius cervicis', 'iliocostalis': 'Iliocostalis', 'longissimus': 'Longissimus',
    'spinalis': 'Spinalis', 'semispinalis-capitis': 'Semispinalis capitis',
    'semispinalis-cervicis': 'Semispinalis cervicis', 'semispinalis-thoracis': 'Semispinalis thoracis',
    'multifidus': 'Multifidus', 'rotatores': 'Rotatores', 'suboccipitals': 'Suboccipitals',
    'quadratus-lumborum': 'Quadratus lumborum', 'piriformis': 'Piriformis', 'deep-hip-rotators': 'Deep hip rotators',
}

# Advance widths of DejaVu Sans (the usual "sans-serif"), in 1/2048 em, to estimate label widths.
_ADV = dict(zip('abcdefghijklmnopqrstuvwxyz', [1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569,
                                                1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212,
                                                1212, 1075]))
_ADV.update({' ': 651, '(': 799, ')': 799, '-': 739})
FONT = 14.0
LINE = 16.0
COL_R, COL_L = 646.0, 154.0      # where right-column text starts / left-column text ends
MAX_W = 148.0


def text_w(s):
    return sum(_ADV.get(ch.lower(), 1400) * (1.12 if ch.isupper() else 1.0) for ch in s) * FONT / 2048.0


def wrap(name):
    if text_w(name) <= MAX_W:
        return [name]
    words = name.split(' ')
    best = None
    for k in range(1, len(words)):
        a, b = ' '.join(words[:k]), ' '.join(words[k:])
        w = max(text_w(a), text_w(b))
        if best is None or w < best[0]:
            best = (w, [a, b])
    return best[1]


# The height a leader should point at, where the automatic anchor is not the best place.
ANCHOR_Y = {
    ('back', 'superficial', 'biceps-femoris'): 1030, ('back', 'superficial', 'semitendinosus'): 1060,
    ('back', 'superficial', 'semimembranosus'): 1090,
    ('back', 'middle', 'biceps-femoris'): 1000, ('back', 'middle', 'semitendinosus'): 1040,
    ('back', 'middle', 'semimembranosus'): 1080,
    ('back', 'deep', 'biceps-femoris'): 940, ('back', 'deep', 'semitendinosus'): 960,
    ('back', 'deep', 'semimembranosus'): 975,
}


def place_labels(fig, layer, regions):
    """[(muscle, side, lines, text x, first baseline y, leader from, leader to)]"""
    items = []
    for mid, (outline, fib) in regions.items():
        polys = parse_d(outline_d(outline))
        if (fig.prefix, layer, mid) in ANCHOR_Y:
            y = ANCHOR_Y[fig.prefix, layer, mid]
            iv = max(scanlines(polys)[int(y)], key=lambda v: v[1] - v[0])
            a = ((iv[0] + iv[1]) / 2, y + 0.5)
        else:
            a = anchor(polys)
        items.append((a[1], mid, a))
    items.sort()
    sides = {'right': [], 'left': []}
    for k, (y, mid, a) in enumerate(items):
        side = 'right' if k % 2 == 0 else 'left'
        sides[side].append([mid, a, wrap(NAMES[mid])])
    out = []
    for side, lst in sides.items():
        # wanted baselines, then push apart top-down and bottom-up
        ys = [a[1] + 5 for mid, a, lines in lst]
        hs = [len(lines) * LINE for mid, a, lines in lst]
        gap = 8.0
        for i in range(1, len(ys)):
            ys[i] = max(ys[i], ys[i - 1] + hs[i - 1] + gap)
        ys[-1] = min(ys[-1], 1175 - hs[-1] + LINE)
        for i in range(len(ys) - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - hs[i] - gap)
        for (mid, a, lines), y in zip(lst, ys):
            if side == 'right':
                tx, frm, to = COL_R, (COL_R - 4, y - 4), a
            else:
                tx, frm, to = COL_L, (COL_L + 4, y - 4), (2 * MID - a[0], a[1])
            out.append((mid, side, lines, tx, y, frm, to))
    return out


def labels_svg(title, placed):
    out = svg_open(title)
    out.append('  <g id="labels" pointer-events="none">')
    out.append('    <g id="leaders" fill="none" stroke-linecap="round">')
    for mid, side, lines, tx, y, frm, to in placed:
        d = 'M %s %s L %s %s' % (fmt(frm[0]), fmt(frm[1]), fmt(to[0]), fmt(to[1]))
        out.append('      <path d="%s" stroke="#ffffff" stroke-opacity="0.8" stroke-width="2.6"/>' % d)
        out.append('      <path d="%s" stroke="#333333" stroke-width="0.8"/>' % d)
    out.append('    </g>')
    out.append('    <g id="names" font-family="sans-serif" font-size="14" fill="#333333" stroke="#ffffff" '
               'stroke-width="3" stroke-linejoin="round" paint-order="stroke">')
    for mid, side, lines, tx, y, frm, to in placed:
        anchor_attr = 'start' if side == 'right' else 'end'
        if len(lines) == 1:
            out.append('      <text id="label-%s" x="%s" y="%s" text-anchor="%s">%s</text>'
                       % (mid, fmt(tx), fmt(y), anchor_attr, lines[0]))
        else:
            spans = ''.join('<tspan x="%s" y="%s">%s</tspan>' % (fmt(tx), fmt(y + k * LINE), ln) for k, ln in enumerate(lines))
            out.append('      <text id="label-%s" text-anchor="%s">%s</text>' % (mid, anchor_attr, spans))
    out.append('    </g>')
    out.append('  </g>')
    out.append('</svg>')
    return '\n'.join(out) + '\n'


# ---------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------

EXPECTED_BACK = {
    'superficial': {'trapezius-descending', 'trapezius-transverse', 'trapezius-ascending', 'latissimus-dorsi',
                    'posterior-deltoid', 'infraspinatus', 'teres-major', 'gluteus-maximus', 'gluteus-medius',
                    'external-oblique', 'thoracolumbar-fascia', 'biceps-femoris', 'semitendinosus', 'semimembranosus'},
    'middle': {'rhomboid-major', 'rhomboid-minor', 'levator-scapulae', 'serratus-posterior-superior',
               'serratus-posterior-inferior', 'supraspinatus', 'infraspinatus', 'teres-minor', 'teres-major',
               'splenius-capitis', 'splenius-cervicis', 'iliocostalis', 'longissimus', 'spinalis', 'gluteus-medius',
               'biceps-femoris', 'semitendinosus', 'semimembranosus'},
    'deep': {'semispinalis-capitis', 'semispinalis-cervicis', 'semispinalis-thoracis', 'multifidus', 'rotatores',
             'suboccipitals', 'quadratus-lumborum', 'gluteus-minimus', 'piriformis', 'deep-hip-rotators',
             'biceps-femoris', 'semitendinosus', 'semimembranosus'},
}


# Muscles of the anterior figure whose library entries are being written (by another hand) and
# have not landed in docs/ids.md yet.  PENDING: remove an id here, and from pending_muscles in
# tests/test-figure.c, once its entry is in data/library and its line in docs/ids.md.
PENDING_IDS = set()


def muscle_ids():
    ids, on = set(), False
    with open(os.path.join(ROOT, 'docs', 'ids.md'), encoding='utf-8') as f:
        for ln in f:
            if ln.startswith('## '):
                on = ln.strip() == '## Muscles (id — region — layer — part-of)' or ln.startswith('## Muscles')
                continue
            if on and ln.startswith('- '):
                ids.add(ln[2:].split(' ')[0].strip())
    return ids


def self_check(fig, layers, labels):
    """Assertions on the written files.  Returns a list of warnings; raises on errors."""
    errors, warnings = [], []
    known = muscle_ids() | PENDING_IDS
    body_rows = scanlines(parse_d(d_of(fig.body)))
    for layer, _title in fig.layers:
        path = os.path.join(OUT, '%s-%s.svg' % (fig.prefix, layer))
        with open(path, encoding='utf-8') as f:
            text = f.read()
        if 'transform' in text:
            errors.append('%s: has a transform attribute' % layer)
        mus = text[text.index('<g id="muscles">'):text.index('</g>', text.index('<g id="muscles">'))]
        regions = {}
        for m in re.finditer(r'<path id="([^"]+)" class="muscle" d="([^"]+)"', mus):
            rid, d = m.group(1), m.group(2)
            if mus.count('<path') != len(re.findall(r'<path id="[^"]+" class="muscle"', mus)):
                errors.append('%s: a path in #muscles without id/class' % layer)
            mm = re.fullmatch(r'([a-z0-9-]+)\.(left|right)', rid)
            if not mm:
                errors.append('%s: bad region id %s' % (layer, rid))
                continue
            if mm.group(1) not in known:
                errors.append('%s: %s is not a muscle id in docs/ids.md' % (layer, mm.group(1)))
            bad = set(re.findall(r'[A-Za-z]', d)) - set('MLCQZ')
            if bad:
                errors.append('%s: %s uses path commands %s' % (layer, rid, ''.join(sorted(bad))))
            if not re.fullmatch(r'(?:[MLCQZ]|' + NUM + r'|\s)+', d):
                errors.append('%s: %s has unexpected characters in d' % (layer, rid))
            regions[rid] = d
        names = {r.rsplit('.', 1)[0] for r in regions}
        if names != fig.expected[layer]:
            errors.append('%s: regions %s, expected %s' % (layer, sorted(names ^ fig.expected[layer]), 'the brief'))
        for r, d in regions.items():
            if r.endswith('.' + fig.drawn):
                twin = r.rsplit('.', 1)[0] + '.' + fig.mirror
                if twin not in regions:
                    errors.append('%s: %s has no %s twin' % (layer, r, fig.mirror))
                elif mirror_d(d) != regions[twin]:
                    errors.append('%s: %s is not the mirror image of %s' % (layer, twin, r))
                xs = [p[0] for poly in parse_d(d) for p in poly]
                if min(xs) < MID - 1e-6:
                    errors.append('%s: %s crosses the midline' % (layer, r))
        rows = {r: scanlines(parse_d(d)) for r, d in regions.items()}
        bbox = {}
        for r, rr in rows.items():
            bbox[r] = (min(rr), max(rr), min(iv[0][0] for iv in rr.values()), max(iv[-1][1] for iv in rr.values()))
            outside = area(rr) - sum(overlap_len(iv, body_rows.get(y, [])) for y, iv in rr.items())
            if outside > 3:
                errors.append('%s: %s lies %.1f units^2 outside the body' % (layer, r, outside))
        ids = sorted(rows)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                A, B = bbox[a], bbox[b]
                if A[1] < B[0] or B[1] < A[0] or A[3] < B[2] or B[3] < A[2]:
                    continue
                ov = sum(overlap_len(iv, rows[b].get(y, [])) for y, iv in rows[a].items())
                if ov > 4:
                    errors.append('%s: %s and %s overlap by %.1f units^2' % (layer, a, b, ov))
        # fibres lie inside their own region
        for mid, (outline, fib) in layers[layer].items():
            polys = parse_d(regions[mid + '.' + fig.drawn])
            for c in fib:
                for u, p in c.flatten(12):
                    if not inside(polys, p) and edge_dist(polys, p) > 0.8:
                        errors.append('%s: a fibre of %s leaves the region at (%.0f, %.0f)' % (layer, mid, p[0], p[1]))
                        break
        # labels
        boxes = []
        lab = labels[layer]
        if sorted(l[0] for l in lab) != sorted(fig.expected[layer]):
            errors.append('%s: labels do not name each muscle once' % layer)
        body_polys = parse_d(d_of(fig.body))
        for mid, side, lines, tx, y, frm, to in lab:
            w = max(text_w(s) for s in lines)
            x0 = tx if side == 'right' else tx - w
            box = (x0 - 2, y - 12, x0 + w + 2, y + (len(lines) - 1) * LINE + 4)
            if box[0] < 0 or box[2] > 800 or box[1] < 0 or box[3] > 1200:
                errors.append('%s: label %s runs off the page' % (layer, mid))
            for px in (box[0], (box[0] + box[2]) / 2, box[2]):
                for py in (box[1], box[3]):
                    if inside(body_polys, (px, py)):
                        errors.append('%s: label %s lies on the body' % (layer, mid))
            for other in boxes:
                if not (box[2] < other[0] or other[2] < box[0] or box[3] < other[1] or other[3] < box[1]):
                    errors.append('%s: label %s overlaps another label' % (layer, mid))
            boxes.append(box)
            side_of = 'right' if to[0] > MID else 'left'
            if side_of != side:
                warnings.append('%s: leader of %s crosses the midline' % (layer, mid))
        for i, a in enumerate(lab):
            for b in lab[i + 1:]:
                if a[1] == b[1] and _seg_inter(a[5], a[6], b[5], b[6]):
                    warnings.append('%s: leaders of %s and %s cross' % (layer, a[0], b[0]))
    if errors:
        raise SystemExit('draw-diagrams self-check failed:\n  ' + '\n  '.join(errors))
    return warnings


# =============================================================================================
# The anterior figure (front-*.svg): the same silhouette, canvas and proportions as the back,
# facing the viewer.  The outlines below are drawn on the picture's right half, which is now the
# figure's LEFT side; the generator names the regions accordingly (".left" here, ".right" mirrored).
# =============================================================================================

# --- bones, seen from the front ---------------------------------------------------------------

F_CRANIUM_R = C('''M 400 50 C 431 50 454 72 456 104 C 457 122 456 138 452 150
    C 448 160 440 166 432 170 C 422 174 410 176 400 176''')
F_MANDIBLE_R = C('''M 400 180 L 428 178 C 440 175 446 166 449 154 C 454 164 454 180 449 190
    C 444 199 430 205 416 207 C 408 208 403 209 400 209''')
F_NASAL_R = C('M 400 140 C 405 140 410 152 410 160 C 410 166 405 169 400 169')
F_ORBIT = C('''M 438 127 C 438 135 431 140 423 140 C 414 140 407 135 407 127
    C 407 119 414 114 423 114 C 431 114 438 119 438 127''')
F_CHEEK = C('M 436 138 C 444 142 451 146 455 152')
F_CLAVICLE = C('''M 416 287 C 430 283 450 290 470 292 C 495 294 520 287 545 283 C 556 281 564 285 563 292
    C 561 298 550 298 540 296 C 518 296 495 302 470 301 C 448 300 430 296 418 298 C 411 297 410 289 416 287''')
F_CORACOID = C('M 530 307 C 537 301 548 303 553 309 C 556 315 552 320 546 318 C 541 314 535 312 530 312 C 528 311 528 309 530 307')
F_STERNUM_R = C('''M 400 291 C 404 288 412 286 418 290 L 420 300 C 420 312 417 322 414 330 L 415 334
    C 414 370 413 410 411 442 C 410 448 408 450 405 452 L 404 468 C 403 472 401 474 400 474''')
# Ribs: the anterior arc from where it turns forward to the costochondral junction, then the
# costal cartilage to the sternum (ribs 1-7) or to the cartilage above (8-10); 11 floats.
F_RIBS = [
    ('M 452 284 C 462 288 455 302 436 306', 'M 436 306 C 428 306 422 304 418 302'),
    ('M 488 306 C 512 316 490 340 452 343', 'M 452 343 C 438 341 426 337 416 334'),
    ('M 505 330 C 530 346 505 375 460 376', 'M 460 376 C 444 372 428 362 415 358'),
    ('M 515 355 C 536 374 514 408 467 408', 'M 467 408 C 450 402 430 388 414 382'),
    ('M 520 380 C 536 402 520 440 472 440', 'M 472 440 C 452 434 430 414 414 406'),
    ('M 522 406 C 537 430 525 470 478 472', 'M 478 472 C 455 464 430 440 413 428'),
    ('M 522 432 C 537 458 528 500 486 502', 'M 486 502 C 460 494 430 462 411 446'),
    ('M 520 458 C 535 484 530 528 494 530', 'M 494 530 C 480 520 466 502 456 486'),
    ('M 517 484 C 532 510 530 552 502 556', 'M 502 556 C 494 548 484 530 474 512'),
    ('M 512 508 C 528 534 528 572 510 578', 'M 510 578 C 504 570 496 556 488 538'),
    ('M 516 544 C 528 556 532 572 528 586', None),
]
F_HIP = C('''M 440 712 C 455 692 485 678 510 676 C 535 674 552 682 558 696 C 562 708 556 728 552 742
    C 548 748 550 758 548 766 C 545 776 540 784 532 790 C 528 800 530 818 528 832
    C 526 850 520 880 505 905 C 495 918 480 915 472 905 C 455 890 430 885 410 884 L 403 884 L 403 862
    C 420 858 445 850 468 838 C 480 820 470 770 455 740 C 450 730 444 720 440 712''')
F_OBTURATOR = C('M 478 856 C 490 856 498 866 496 876 C 494 886 482 892 472 890 C 462 888 458 878 462 868 C 465 860 470 856 478 856')
F_SACRUM_R = C('''M 400 712 L 436 714 C 444 718 444 728 440 738 C 434 758 426 778 416 794
    C 411 801 406 806 403 811 L 400 813''')
F_FEMUR = C('''M 520 790 C 530 782 548 784 556 796 C 560 800 566 804 572 806 C 582 808 588 818 586 832
    C 584 845 578 855 572 862 C 566 920 552 1040 546 1158 L 514 1158 C 517 1040 524 930 527 880
    C 522 878 517 874 516 868 C 516 862 520 858 526 857 C 530 845 528 830 520 822 C 510 814 510 798 520 790''')
# vertebral bodies seen from the front: (top, bottom, half-width)
F_BODIES = [(217, 228, 10), (231, 242, 10.5), (245, 256, 11), (259, 270, 11.5), (273, 284, 12),
            (560, 580, 16), (586, 606, 17), (612, 633, 19), (639, 661, 21), (667, 689, 22), (695, 711, 22)]


def vertebral_body(top, bot, w):
    half = C('M 400 %g C %g %g %g %g %g %g C %g %g %g %g %g %g C %g %g %g %g 400 %g' % (
        top, 400 + w * 0.6, top - 1, 400 + w, top, 400 + w, top + 3,
        400 + w - 1.5, top + (bot - top) * 0.4, 400 + w - 1.5, top + (bot - top) * 0.6, 400 + w, bot - 3,
        400 + w, bot, 400 + w * 0.6, bot + 1, bot))
    return sym_closed(half)


def front_bone_shapes():
    hole = ' fill="%s"' % on_skin('#cfc3a6')
    cart = ' fill="%s"' % on_skin('#f3efe4')
    out = [(d_of(sym_closed(F_CRANIUM_R)), ' fill="none"'), (d_of(sym_closed(F_MANDIBLE_R)), '')]
    out.append((d_of(sym_closed(F_NASAL_R)), hole))
    for c in both(F_ORBIT):
        out.append((d_of(c), hole))
    for c in both(F_CHEEK):
        out.append((d_of(c, False), ' fill="none"'))
    for top, bot, w in F_BODIES:
        out.append((d_of(vertebral_body(top, bot, w)), ''))
    out.append((d_of(sym_closed(F_SACRUM_R)), ''))
    for c in both(F_HIP):
        out.append((d_of(c), ''))
    for c in both(F_OBTURATOR):
        out.append((d_of(c), hole))
    for c in both(F_FEMUR):
        out.append((d_of(c), ''))
    for rib, cartilage in F_RIBS:
        for c in both(band(C(rib), 5, 6)):
            out.append((d_of(c), ''))
        if cartilage:
            for c in both(band(C(cartilage), 4, 4)):
                out.append((d_of(c), cart))
    out.append((d_of(sym_closed(F_STERNUM_R)), ''))
    for part in [HUMERUS] + FOREARM + [F_CLAVICLE, F_CORACOID]:
        for c in both(part):
            out.append((d_of(c), ''))
    return out


# --- shared borders (picture's right half = the figure's left) ---------------------------------

F_SCM_MED = C('M 446 168 C 440 200 425 245 406 290')
F_SCM_LAT = C('M 461 178 C 456 210 446 250 438 291')
F_DP = C('M 538 268 C 540 300 550 340 575 385 C 582 398 590 415 596 428')
F_PEC_TOP = C('M 402 296 C 430 300 470 306 500 304 C 520 302 540 298 560 294')
F_PEC_LOW = C('M 590 364 C 568 384 553 392 541 396 C 515 405 480 450 440 466 C 425 471 410 468 402 462')
NOTCH = (544.0, 401.0)           # the armpit, where the arm leaves the trunk
SERR_TEETH = [(531, 556), (512, 546), (523, 527), (502, 519), (515, 500), (494, 492), (507, 474), (486, 466)]
F_RA_LAT = C('M 468 440 C 478 500 472 600 462 680 C 455 750 440 820 428 886')
ASIS = (552.0, 742.0)
F_INGUINAL = C('M 424 872 C 460 840 510 790 552 742')
F_CREST_ANT = C('M 552 742 C 556 725 560 710 574 700')
F_TFL_MED = C('M 552 742 C 546 790 552 850 566 900')
F_RF_LAT = C('M 540 800 C 552 870 554 960 544 1040 C 538 1090 532 1130 528 1175')
F_RF_MED = C('M 527 792 C 508 850 490 940 484 1030 C 482 1080 486 1130 488 1175')
F_AM_LAT = C('M 407 912 C 440 905 452 960 458 1040 C 462 1100 464 1140 465 1175')
F_AM_LAT_DEEP = C('M 407 906 C 450 898 480 950 492 1040 C 498 1100 500 1140 500 1175')
CROTCH_IN = (402.0, 942.0)
# middle layer
F_SCAL_MED = C('M 424 212 C 428 240 432 270 436 304')
F_SCAL_LAT = C('M 438 210 C 444 240 466 272 488 302')
F_PMIN_UP = C('M 538 310 C 515 322 488 340 462 358')
F_PMIN_BASE = C('M 462 358 C 463 390 468 420 480 446')
F_PMIN_LOW = C('M 548 318 C 532 360 508 410 480 446')
F_SUBSC = C('M 548 318 C 554 320 559 326 562 338 C 562 360 553 385 544 398 L 519 386')
F_IO_TOP = C('M 465 498 C 490 540 512 566 545 586')
F_RA_TOP_MID = C('M 402 450 C 430 443 455 444 482 454')
# deep layer
F_PS_MED = C('M 418 566 C 416 610 418 660 428 710 C 440 770 470 830 512 880')
F_PS_LAT = C('M 434 562 C 456 600 472 650 478 700 C 484 760 500 820 528 874')
F_CREST_IN = C('M 448 716 C 470 694 500 682 530 680 C 545 680 556 690 558 702')
F_ASIS_IN = C('M 558 702 C 558 718 555 732 552 742')
F_IL_LAT = C('M 552 742 C 548 780 540 830 528 874')
F_RIB12 = C('M 426 574 C 460 577 500 585 545 598')
F_QL_LAT = C('M 496 580 C 505 620 510 655 514 700')




def f_sternocleidomastoid():
    scm = chain(line(F_SCM_MED.start, F_SCM_LAT.start), F_SCM_LAT, line(F_SCM_LAT.end, F_SCM_MED.end), F_SCM_MED.rev())
    return (scm, fibres_between(F_SCM_MED, F_SCM_LAT, 3, s0=0.05, s1=0.95, f0=0.2, f1=0.8))


def inset(c, d0, d1, n=8):
    """A smooth curve inside c (to the left of its direction, as offset()), d0 from its start and
    d1 from its end: a border that tapers."""
    pts = []
    for k in range(n + 1):
        f = k / n
        u = c.u_at_frac(f)
        p, q = c.point(max(0.0, u - 1e-3)), c.point(min(float(c.n), u + 1e-3))
        L = dist(p, q)
        d = d0 + (d1 - d0) * f
        m = c.point(u)
        pts.append((m[0] - (q[1] - p[1]) / L * d, m[1] + (q[0] - p[0]) / L * d))
    return catmull(pts)


# Trapezius: the upper fibres seen over the shoulder, broad at the neck, thin at the acromion.
F_TRAP_TOP = cut(BODY_IN, ('y', 246), ('x', 579))
F_TRAP_ANT = inset(F_TRAP_TOP, 13, 6)


def f_trapezius():
    top, low = F_TRAP_TOP, F_TRAP_ANT
    trap = chain(top, line(top.end, low.end), low.rev(), line(low.start, top.start))
    return (trap, fibres_between(top, low, 2, s0=0.08, s1=0.92, f0=0.3, f1=0.7))


def f_deltoid():
    side = cut(BODY_IN, F_TRAP_ANT.end, ('y', 418))
    delt = chain(cut(F_TRAP_ANT, F_DP, F_TRAP_ANT.n), line(F_TRAP_ANT.end, side.start), side,
                 line(side.end, F_DP.end), cut(F_DP, F_DP.n, F_TRAP_ANT))
    return (delt, fibres_between(cut(F_DP, F_TRAP_ANT, F_DP.n), side, 5, s0=0.14, s1=0.95, f0=0.1, f1=0.9))


def f_pectoralis_major():
    top = cut(F_PEC_TOP, 0, F_DP)
    low = cut(F_PEC_LOW, F_DP, F_PEC_LOW.n)
    pec = chain(top, cut(F_DP, F_PEC_TOP, F_PEC_LOW), low, line(low.end, top.start))
    ins = cut(F_DP, ('y', 360), F_PEC_LOW)
    fib = fibres_fan(C('M 404 300 L 404 455'), ins, 8, f0=0.03, f1=0.97, g0=0.0, g1=1.0, shrink=0.05, bend=0.03) + \
        fibres_fan(C('M 420 306 L 500 310'), cut(F_DP, ('y', 312), ('y', 345)), 3, f0=0.1, f1=0.9, shrink=0.08)
    return (pec, fib)


def serratus_teeth():
    pts = [pt(BODY_IN, SERR_TEETH[0])] + SERR_TEETH[1:]
    return C('M ' + ' L '.join('%g %g' % p for p in pts))


def f_serratus_anterior(top):
    """Lateral chest wall below `top` (pectoralis major, or pectoralis minor and subscapularis)."""
    teeth = serratus_teeth()
    side = cut(BODY_IN, NOTCH, teeth.start)
    if top is None:          # superficial: below the lower border of pectoralis major
        ext = teeth + line(teeth.end, (478, 436))
        t = cut(ext, 0, F_PEC_LOW)
        serr = chain(side, t, cut(F_PEC_LOW, ext, (NOTCH[0] - 3, NOTCH[1] - 5)), line(pt(F_PEC_LOW, (NOTCH[0] - 3, NOTCH[1] - 5)), side.start))
    else:
        serr = chain(side, teeth, line(teeth.end, F_PMIN_LOW.end), cut(F_PMIN_LOW, F_PMIN_LOW.n, F_SUBSC.end),
                     cut(F_SUBSC, F_SUBSC.n, (544, 398)), line(pt(F_SUBSC, (544, 398)), side.start))
    fib = [line(lerp(a, b, 0.2), lerp(a, b, 0.75)) for a, b in
           [((540, 430), (508, 478)), ((537, 465), (514, 500)), ((534, 500), (522, 525)), ((531, 530), (524, 545))]]
    return (serr, fib)


def f_external_oblique():
    teeth = serratus_teeth()
    ext = teeth + line(teeth.end, (478, 436))
    side = cut(BODY_IN, teeth.start, F_CREST_ANT)
    eo = chain(side, cut(F_CREST_ANT, BODY_IN, 0), cut(F_INGUINAL, F_INGUINAL.n, F_RA_LAT),
               cut(F_RA_LAT, F_INGUINAL, F_PEC_LOW), cut(F_PEC_LOW, F_RA_LAT, ext), cut(ext, F_PEC_LOW, 0))
    fib = fibres_fan(cut(BODY_IN, ('y', 560, 2), ('y', 680)), cut(F_RA_LAT, ('y', 520), ('y', 760)), 6,
                     f0=0.05, f1=0.95, shrink=0.06)
    return (eo, fib)


def f_rectus_abdominis(top):
    lat = cut(F_RA_LAT, top, ('y', 880))
    ra = chain(cut(top, 0, F_RA_LAT), lat, line(lat.end, (402, lat.end[1])), line((402, lat.end[1]), top.start))
    fib = fibres_between(line((404, top.start[1] + 6), (404, 876)), lat, 3, s0=0.02, s1=0.98, f0=0.25, f1=0.75)
    for y in (530, 590, 650):   # tendinous intersections
        a, b = (402.5, y), pt(F_RA_LAT, ('y', y - 4))
        fib.append(C('M %g %g C %g %g %g %g %g %g' % (a[0], a[1], a[0] + 20, y + 4, b[0] - 22, y - 2, b[0] - 1, b[1])))
    return (ra, fib)


def f_tensor_fasciae_latae():
    side = cut(BODY_IN, F_CREST_ANT, (582, 888))
    tfl = chain(cut(F_CREST_ANT, 0, BODY_IN), side, line(side.end, F_TFL_MED.end), F_TFL_MED.rev())
    return (tfl, fibres_between(F_TFL_MED, cut(BODY_IN, ('y', 712), ('y', 886)), 3, s0=0.06, s1=0.94, f0=0.25, f1=0.75))


def f_rectus_femoris():
    lat, med = cut(F_RF_LAT, 0, THIGH_CUT), cut(F_RF_MED, 0, THIGH_CUT)
    rf = chain(line(med.start, lat.start), lat, cut(THIGH_CUT, F_RF_LAT, F_RF_MED), med.rev())
    return (rf, fibres_between(med, lat, 4, s0=0.04, s1=0.97, f0=0.15, f1=0.85))


def f_adductor_magnus(edge):
    lat = cut(edge, 0, THIGH_CUT)
    inner = cut(BODY_IN, THIGH_CUT.end, CROTCH_IN)
    am = chain(lat, cut(THIGH_CUT, edge, THIGH_CUT.n), inner, line(inner.end, edge.start))
    return (am, fibres_between(cut(BODY_IN, ('y', 950, 1), ('y', 1150, 1)), cut(edge, ('y', 930), ('y', 1150)), 3,
                               s0=0.04, s1=0.96, f0=0.25, f1=0.75))


def f_scalenes():
    sc = chain(line(F_SCAL_MED.start, F_SCAL_LAT.start), F_SCAL_LAT, line(F_SCAL_LAT.end, F_SCAL_MED.end), F_SCAL_MED.rev())
    return (sc, fibres_between(F_SCAL_MED, F_SCAL_LAT, 3, s0=0.05, s1=0.95, f0=0.2, f1=0.8))


def f_pectoralis_minor():
    pm = chain(F_PMIN_UP, F_PMIN_BASE, F_PMIN_LOW.rev(), line(F_PMIN_LOW.start, F_PMIN_UP.start))
    return (pm, fibres_fan(F_PMIN_BASE, C('M 539 313 L 546 318'), 4, f0=0.08, f1=0.92, shrink=0.06))


def f_subscapularis():
    up = cut(F_PMIN_LOW, F_SUBSC.start, F_SUBSC.end)
    ss = chain(F_SUBSC, cut(F_PMIN_LOW, F_SUBSC.end, 0))
    return (ss, fibres_fan(C('M 522 385 L 544 330'), C('M 556 328 L 558 346'), 3, f0=0.15, f1=0.85, shrink=0.1))


def f_internal_oblique():
    top = cut(F_IO_TOP, F_RA_LAT, BODY_IN)
    io = chain(top, cut(BODY_IN, F_IO_TOP, F_CREST_ANT), cut(F_CREST_ANT, BODY_IN, 0),
               cut(F_INGUINAL, F_INGUINAL.n, F_RA_LAT), cut(F_RA_LAT, F_INGUINAL, F_IO_TOP))
    origin = cut(F_CREST_ANT, BODY_IN, 0) + cut(F_INGUINAL, F_INGUINAL.n, ('x', 470))
    insertion = cut(F_IO_TOP, BODY_IN, F_RA_LAT) + cut(F_RA_LAT, F_IO_TOP, ('y', 780))
    fib = fibres_fan(origin, insertion, 7, f0=0.16, f1=0.94, g0=0.1, shrink=0.08)
    return (io, fib)


def f_psoas_major():
    ps = chain(line(F_PS_MED.start, F_PS_LAT.start), F_PS_LAT, line(F_PS_LAT.end, F_PS_MED.end), F_PS_MED.rev())
    return (ps, fibres_between(F_PS_MED, F_PS_LAT, 3, s0=0.03, s1=0.97, f0=0.25, f1=0.75))


def f_iliacus():
    crest = cut(F_CREST_IN, F_PS_LAT, F_CREST_IN.n)
    il = chain(crest, F_ASIS_IN, F_IL_LAT, cut(F_PS_LAT, F_PS_LAT.n, F_CREST_IN))
    return (il, fibres_fan(cut(F_CREST_IN, F_PS_LAT, F_CREST_IN.n) + F_ASIS_IN, C('M 516 856 L 527 868'), 5,
                           f0=0.06, f1=0.94, shrink=0.1))


def f_quadratus_lumborum():
    ql = chain(cut(F_RIB12, F_PS_LAT, F_QL_LAT), cut(F_QL_LAT, F_RIB12, F_CREST_IN), cut(F_CREST_IN, F_QL_LAT, F_PS_LAT),
               cut(F_PS_LAT, F_CREST_IN, F_RIB12))
    return (ql, fibres_between(cut(F_PS_LAT, F_RIB12, F_CREST_IN), cut(F_QL_LAT, F_RIB12, F_CREST_IN), 3,
                               s0=0.05, s1=0.95, f0=0.25, f1=0.75))


def f_transversus_abdominis():
    crest = cut(F_CREST_IN, F_QL_LAT, F_CREST_IN.n)
    side = cut(BODY_IN, F_RIB12, crest.end)
    ta = chain(cut(F_RIB12, F_QL_LAT, BODY_IN), side, line(side.end, crest.end), crest.rev(), cut(F_QL_LAT, F_CREST_IN, F_RIB12))
    return (ta, fibres_fan(cut(F_QL_LAT, F_RIB12, F_CREST_IN), side, 5, f0=0.08, f1=0.85, shrink=0.1))


def front_superficial():
    R = {}
    R['sternocleidomastoid'] = f_sternocleidomastoid()
    R['trapezius-descending'] = f_trapezius()
    R['anterior-deltoid'] = f_deltoid()
    R['pectoralis-major'] = f_pectoralis_major()
    R['serratus-anterior'] = f_serratus_anterior(None)
    R['external-oblique'] = f_external_oblique()
    R['rectus-abdominis'] = f_rectus_abdominis(F_PEC_LOW.rev())
    R['tensor-fasciae-latae'] = f_tensor_fasciae_latae()
    R['rectus-femoris'] = f_rectus_femoris()
    R['adductor-magnus'] = f_adductor_magnus(F_AM_LAT)
    return R


def front_middle():
    R = {}
    R['scalenes'] = f_scalenes()
    R['pectoralis-minor'] = f_pectoralis_minor()
    R['subscapularis'] = f_subscapularis()
    R['serratus-anterior'] = f_serratus_anterior('minor')
    R['internal-oblique'] = f_internal_oblique()
    R['rectus-abdominis'] = f_rectus_abdominis(F_RA_TOP_MID)
    R['tensor-fasciae-latae'] = f_tensor_fasciae_latae()
    R['rectus-femoris'] = f_rectus_femoris()
    R['adductor-magnus'] = f_adductor_magnus(F_AM_LAT)
    return R


def front_deep():
    R = {}
    R['scalenes'] = f_scalenes()
    R['subscapularis'] = f_subscapularis()
    R['quadratus-lumborum'] = f_quadratus_lumborum()
    R['transversus-abdominis'] = f_transversus_abdominis()
    R['psoas-major'] = f_psoas_major()
    R['iliacus'] = f_iliacus()
    R['adductor-magnus'] = f_adductor_magnus(F_AM_LAT_DEEP)
    return R


FRONT_LAYERS = [
    ('superficial', 'Front, superficial layer (anterior view; the figure\'s left is on the right)'),
    ('middle', 'Front, middle layer (anterior view): pectoralis major, deltoid, trapezius, '
               'sternocleidomastoid and external oblique removed'),
    ('deep', 'Front, deep layer (anterior view): the abdominal wall and the thorax\'s muscles removed, '
             'the posterior abdominal wall in view'),
]

EXPECTED_FRONT = {
    'superficial': {'sternocleidomastoid', 'trapezius-descending', 'anterior-deltoid', 'pectoralis-major',
                    'serratus-anterior', 'external-oblique', 'rectus-abdominis', 'tensor-fasciae-latae',
                    'rectus-femoris', 'adductor-magnus'},
    'middle': {'scalenes', 'pectoralis-minor', 'subscapularis', 'serratus-anterior', 'internal-oblique',
               'rectus-abdominis', 'tensor-fasciae-latae', 'rectus-femoris', 'adductor-magnus'},
    'deep': {'scalenes', 'subscapularis', 'quadratus-lumborum', 'transversus-abdominis', 'psoas-major', 'iliacus',
             'adductor-magnus'},
}

# Which side is which (the front figure faces the viewer) is not drawn into the figure: the
# app marks L and R itself at a size that stays readable (dorsum-sides-overlay.c), as do the
# chart picture and the handout.

NAMES.update({
    'sternocleidomastoid': 'Sternocleidomastoid', 'anterior-deltoid': 'Deltoid (anterior)',
    'pectoralis-major': 'Pectoralis major', 'pectoralis-minor': 'Pectoralis minor', 'serratus-anterior': 'Serratus anterior',
    'rectus-abdominis': 'Rectus abdominis', 'internal-oblique': 'Internal oblique',
    'transversus-abdominis': 'Transversus abdominis', 'tensor-fasciae-latae': 'Tensor fasciae latae',
    'rectus-femoris': 'Rectus femoris', 'adductor-magnus': 'Adductor magnus', 'scalenes': 'Scalenes',
    'subscapularis': 'Subscapularis', 'psoas-major': 'Psoas major', 'iliacus': 'Iliacus',
})


class Figure:
    """One figure of the atlas: its file prefix, which way it faces, its silhouette, skin lines,
    bones, layers (id, title) with the function drawing each, and the muscles each must show.
    The outlines are drawn on the picture's right half (x > 400): for a posterior view that is
    the figure's right side, for an anterior view (facing the viewer) the figure's left."""

    def __init__(self, prefix, view, body, lines, bones, layers, builders, expected, extra=()):
        self.prefix, self.view, self.body, self.lines, self.bones = prefix, view, body, lines, bones
        self.layers, self.builders, self.expected, self.extra = layers, builders, expected, list(extra)
        self.drawn, self.mirror = ('right', 'left') if view == 'posterior' else ('left', 'right')


def figures():
    return [
        Figure('back', 'posterior', BODY, BODY_LINES, bone_shapes, LAYERS,
               {'superficial': layer_superficial, 'middle': layer_middle, 'deep': layer_deep}, EXPECTED_BACK),
        Figure('front', 'anterior', BODY, [], front_bone_shapes, FRONT_LAYERS,
               {'superficial': front_superficial, 'middle': front_middle, 'deep': front_deep}, EXPECTED_FRONT),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    only = sys.argv[1:]          # optional figure prefixes ("front"), to redraw just those
    for fig in figures():
        if only and fig.prefix not in only:
            continue
        layers, labels = {}, {}
        for layer, title in fig.layers:
            regions = fig.builders[layer]()
            layers[layer] = regions
            with open(os.path.join(OUT, '%s-%s.svg' % (fig.prefix, layer)), 'w', encoding='utf-8') as f:
                f.write(layer_svg(fig, title, regions))
            placed = place_labels(fig, layer, regions)
            labels[layer] = placed
            with open(os.path.join(OUT, '%s-%s-labels.svg' % (fig.prefix, layer)), 'w', encoding='utf-8') as f:
                f.write(labels_svg('Muscle names for the %s layer' % layer, placed))
        warnings = self_check(fig, layers, labels)
        for w in warnings:
            print('warning: %s: %s' % (fig.prefix, w), file=sys.stderr)
        for layer, _t in fig.layers:
            print('%s-%s.svg: %d regions' % (fig.prefix, layer, 2 * len(layers[layer])))


if __name__ == '__main__':
    main()
