# SPDX-License-Identifier: GPL-3.0-or-later
# Draws the pictures of Dorsum's stretches and self-care routines (data/illustrations/<entry-id>.svg)
# from one small parametric figure: a skeleton posed by joint angles, dressed in tapered capsules.
#
# Run from the repository root:  python3 build-aux/draw-poses.py [ID ...]   (writes the SVGs)
#                                  python3 build-aux/draw-poses.py --check     (the self-check; meson test)
#                                  python3 build-aux/draw-poses.py --self-test (the check catches broken poses)
# The output is committed; the build does not run this script.  Standard library only.
#
# Angles are in degrees on the screen: 0 points right, 90 down, -90 up.  A side view has a
# chirality m: +1 when the figure, stood up, would face right; a front view has m = +1 when the
# figure faces the viewer (its right side on the viewer's left) and -1 when it is seen from behind.
# Every picture is 400 x 300; the figure is drawn at one scale, so every person is the same size.

import math
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'data', 'illustrations')
LIBRARY = os.path.join(ROOT, 'data', 'library')
NS = '{https://dorsum.github.io/ns/library/1}'
W, H = 400, 300
FLOOR = 274.0

# Colours: a dark outline, a light skin fill (the far limbs a little darker, for depth), the app's
# highlight blue (dorsum-diagram-view.c's accent) for the stretched or treated area, hatched so
# it survives a black-and-white print, and a deeper blue for the arrows of movement.
INK = '#2e3436'
FILL = '#f6f1ea'
FILL_FAR = '#ddd5ca'
TINT = '#b4cff2'
HATCH = '#3584e4'
ARROW = '#1a5fb4'
PROP_FILL = '#e4e0da'
PROP_INK = '#77716b'
OUTLINE = 2.5          # visible width of the figure's outline, px at 400 wide

# Segment lengths and capsule radii (start, end) of the figure.
LEN = {
    'lumbar': 36.0, 'thorax': 46.0, 'neck': 24.0,
    'upper': 46.0, 'fore': 40.0, 'hand': 13.0,
    'thigh': 62.0, 'shin': 58.0, 'foot': 22.0,
}
RAD = {
    'upper': (7.5, 6.0), 'fore': (6.0, 4.6), 'hand': (4.8, 4.0),
    'thigh': (11.0, 7.5), 'shin': (7.2, 5.0), 'foot': (5.2, 3.6),
}
HEAD_R = 15.0
SIDE_TORSO = (16.0, 13.5, 15.5)   # pelvis, waist, chest radii in a side view


def d2r(a):
    return a * math.pi / 180.0


def vec(a, length=1.0):
    return (math.cos(d2r(a)) * length, math.sin(d2r(a)) * length)


def add(p, q, k=1.0):
    return (p[0] + q[0] * k, p[1] + q[1] * k)


def sub(p, q):
    return (p[0] - q[0], p[1] - q[1])


def dist(p, q):
    return math.hypot(p[0] - q[0], p[1] - q[1])


def ang(p, q):
    return math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))


def lerp(p, q, t):
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def cross(u, v):
    return u[0] * v[1] - u[1] * v[0]


def fmt(v):
    s = '%.1f' % v
    return '0' if s in ('0.0', '-0.0') else (s[:-2] if s.endswith('.0') else s)


def pts_d(pts, closed=True):
    d = 'M' + ' L'.join('%s %s' % (fmt(x), fmt(y)) for x, y in pts)
    return d + (' Z' if closed else '')


def capsule(c1, r1, c2, r2, steps=10):
    """The outline of the convex hull of two circles, as a polygon."""
    length = dist(c1, c2)
    if length < 1e-6 or length <= abs(r1 - r2):
        big, r = (c1, r1) if r1 >= r2 else (c2, r2)
        return [add(big, vec(i * 360.0 / (4 * steps), r)) for i in range(4 * steps)]
    theta = ang(c1, c2)
    phi = math.degrees(math.acos(max(-1.0, min(1.0, (r1 - r2) / length))))
    pts = []
    for i in range(steps + 1):          # around the far end
        a = theta + phi - 2 * phi * i / steps
        pts.append(add(c2, vec(a, r2)))
    for i in range(steps + 1):          # around the near end
        a = theta - phi - (360 - 2 * phi) * i / steps
        pts.append(add(c1, vec(a, r1)))
    return pts


def smooth_closed(points, steps=6):
    """A closed Catmull-Rom curve through the points, sampled as a polygon."""
    out, n = [], len(points)
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * ((2 * p1[k]) + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3) for k in (0, 1)))
    return out


def smooth_open(points, steps=6):
    """An open Catmull-Rom curve through the points, sampled as a polyline."""
    ext = [points[0]] + list(points) + [points[-1]]
    out = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(tuple(0.5 * ((2 * p1[k]) + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3) for k in (0, 1)))
    out.append(points[-1])
    return out


def ellipse_pts(c, rx, ry, rot=0.0, steps=32):
    out = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        x, y = rx * math.cos(t), ry * math.sin(t)
        ca, sa = math.cos(d2r(rot)), math.sin(d2r(rot))
        out.append((c[0] + x * ca - y * sa, c[1] + x * sa + y * ca))
    return out


class PoseError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# The figure
# ---------------------------------------------------------------------------------------------

class Figure:
    """A posed person.  spine() places the pelvis and the trunk; arm() and leg() place a limb by
    its segment angles or by where its hand or ankle goes (two-bone inverse kinematics, which
    refuses a target out of reach).  A limb pointing towards the viewer is drawn shorter by a
    declared foreshortening factor; nothing is ever drawn longer than it is."""

    def __init__(self, view='side', m=1):
        assert view in ('side', 'front')
        self.view, self.m = view, m
        self.j = {}                 # joint name -> point
        self.segs = []              # (name, a, b, nominal length, foreshortening) for the checks
        self.parts = {}             # group -> list of polygons
        self.limb_group = {}
        self.hl = []                # (group, polygon)
        self.groups = None
        self.nose = None
        self.errors = []
        self.across = set()

    # -- trunk -----------------------------------------------------------------------------
    def spine(self, pelvis, lumbar=-90.0, thorax=-90.0, neck=-90.0, face=None, fs=1.0, nose=True, turn=1.0):
        """lumbar, thorax, neck: the directions of the pelvis->waist, waist->neck base and
        neck base->head centre; face: where the nose points (side view; default square to the neck)."""
        P = pelvis
        Wst = add(P, vec(lumbar, LEN['lumbar'] * fs))
        C = add(Wst, vec(thorax, LEN['thorax'] * fs))
        Hd = add(C, vec(neck, LEN['neck']))
        self.j.update(pelvis=P, waist=Wst, chest=C, head=Hd)
        self.segs += [('lumbar', P, Wst, LEN['lumbar'], fs), ('thorax', Wst, C, LEN['thorax'], fs),
                      ('neck', C, Hd, LEN['neck'], 1.0)]
        self.angles = dict(lumbar=lumbar, thorax=thorax, neck=neck)
        body = []
        if self.view == 'side':
            rp, rw, rc = SIDE_TORSO
            chest = add(C, vec(thorax, -7))
            body.append(capsule(P, rp, Wst, rw))
            body.append(capsule(Wst, rw, chest, rc))
            body.append(capsule(C, 6.0, add(C, vec(neck, 12)), 5.5))
            self.j['shoulder_r'] = self.j['shoulder_l'] = add(C, vec(thorax, -9))
            self.j['hip_r'] = self.j['hip_l'] = P
            face = neck + 90 * self.m if face is None else face
            self.face = face
            body.append(ellipse_pts(Hd, HEAD_R, HEAD_R))
            if nose:
                body.append(capsule(add(Hd, vec(face, 10)), 4.0, add(Hd, vec(face, 16.5)), 2.6))
        else:
            u1, u2 = vec(thorax), vec(lumbar)
            rt, rl = vec(thorax - 90 * self.m, turn), vec(lumbar - 90 * self.m)   # towards the figure's right
            lt, ll = (-rt[0], -rt[1]), (-rl[0], -rl[1])
            s = fs ** 0.5
            self.j['shoulder_r'] = add(add(C, u1, -7 * s), rt, 20)
            self.j['shoulder_l'] = add(add(C, u1, -7 * s), lt, 20)
            self.j['hip_r'] = add(add(P, u2, -3), rl, 9)
            self.j['hip_l'] = add(add(P, u2, -3), ll, 9)
            outline = [add(add(C, u1, 2), rt, 7), add(add(C, u1, -3 * s), rt, 19), add(add(C, u1, -12 * s), rt, 24),
                       add(add(C, u1, -30 * s), rt, 18), add(Wst, rl, 15), add(add(P, u2, 4), rl, 17),
                       add(add(P, u2, -8), rl, 12), add(P, u2, -10),
                       add(add(P, u2, -8), ll, 12), add(add(P, u2, 4), ll, 17), add(Wst, ll, 15),
                       add(add(C, u1, -30 * s), lt, 18), add(add(C, u1, -12 * s), lt, 24), add(add(C, u1, -3 * s), lt, 19),
                       add(add(C, u1, 2), lt, 7)]
            body.append(smooth_closed(outline))
            body.append(capsule(add(C, u1, -4), 6.5, add(C, vec(neck, 12)), 6.0))
            body.append(ellipse_pts(Hd, HEAD_R - 1, HEAD_R + 1.5, neck + 90))
            self.face = face
            if face is not None:    # a head turned to one side shows its nose
                body.append(capsule(add(Hd, vec(face, 9)), 3.6, add(Hd, vec(face, 15.5)), 2.4))
        self.parts['body'] = body

    # -- limbs -----------------------------------------------------------------------------
    def _chain(self, side, kind, root, names, lengths, radii, a1, a2, a3, fs):
        p1 = root
        p2 = add(p1, vec(a1, lengths[0] * fs[0]))
        p3 = add(p2, vec(a2, lengths[1] * fs[1]))
        p4 = add(p3, vec(a3, lengths[2] * fs[2]))
        n1, n2, n3 = names
        self.j['%s_%s' % (n1, side)], self.j['%s_%s' % (n2, side)], self.j['%s_%s' % (n3, side)] = p2, p3, p4
        self.segs += [('%s %s' % (kind, side), p1, p2, lengths[0], fs[0]),
                      ('%s %s' % (kind, side), p2, p3, lengths[1], fs[1]),
                      ('%s %s' % (kind, side), p3, p4, lengths[2], fs[2])]
        g = '%s_%s' % (kind, side)
        self.parts[g] = [capsule(p1, radii[0][0], p2, radii[0][1]),
                         capsule(p2, radii[1][0], p3, radii[1][1]),
                         capsule(p3, radii[2][0], p4, radii[2][1])]
        return p1, p2, p3

    def _ik(self, root, target, l1, l2, bend, joint):
        """The two angles reaching target; in a side view bend=None picks the anatomical solution
        (knees bend backwards, elbows forwards)."""
        d = dist(root, target)
        if d > l1 + l2 + 0.01:       # drawn reaching as far as it can, and reported
            self.errors.append('a hand or foot misses its target by %.1f px' % (d - l1 - l2))
            target = add(root, vec(ang(root, target), l1 + l2))
            d = l1 + l2
        d = max(d, abs(l1 - l2) + 0.01)
        a = math.degrees(math.acos(max(-1.0, min(1.0, (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)))))
        base = ang(root, target)
        if bend is None:
            bend = 1
            if self.view == 'side':
                mid = add(root, vec(base + a, l1))
                c = cross(sub(mid, root), sub(target, mid)) * self.m
                if (joint == 'knee' and c < 0) or (joint == 'elbow' and c > 0):
                    bend = -1
        mid = add(root, vec(base + bend * a, l1))
        return base + bend * a, ang(mid, target)

    def arm(self, side, upper=None, fore=None, hand=None, to=None, bend=None, fs=(1.0, 1.0, 1.0), grip=False,
            across=False):
        """An arm by angles (upper, fore, hand) or by the wrist's target `to` and bend sign.  across:
        the arm moves across the body, out of a side view's plane, so its drawn bend is a projection
        (it must then be drawn foreshortened)."""
        if across:
            self.across.add('elbow_' + side)
        S = self.j['shoulder_' + side]
        if to is not None:
            upper, fore = self._ik(S, to, LEN['upper'] * fs[0], LEN['fore'] * fs[1], bend, 'elbow')
        hand = fore if hand is None else hand
        self._chain(side, 'arm', S, ('elbow', 'wrist', 'fingers'), (LEN['upper'], LEN['fore'], LEN['hand']),
                    (RAD['upper'], RAD['fore'], RAD['hand'] if not grip else (5.6, 5.2)), upper, fore, hand, fs)

    def detach_hand(self, side):
        """Draws the hand in its own group, so that it can lie on the body while the rest of
        the arm is behind it (a hand reaching over the shoulder, seen from behind)."""
        self.parts['hand_' + side] = [self.parts['arm_' + side].pop()]

    def arm_to(self, side, upper, fs_upper, target, hand=None, grip=False):
        """An arm whose upper arm points towards the viewer (drawn short by fs_upper) and whose
        forearm reaches target, drawn as long as its projection (never longer than it is)."""
        e = add(self.j['shoulder_' + side], vec(upper, LEN['upper'] * fs_upper))
        fs_fore = dist(e, target) / LEN['fore']
        if fs_fore > 1:
            self.errors.append('a hand misses its target by %.1f px' % (dist(e, target) - LEN['fore']))
            fs_fore = 1.0
        self.arm(side, upper, ang(e, target), hand, fs=(fs_upper, fs_fore, 1.0), grip=grip)

    def leg(self, side, thigh=None, shin=None, foot=None, to=None, bend=None, fs=(1.0, 1.0, 1.0)):
        Hp = self.j['hip_' + side]
        if to is not None:
            thigh, shin = self._ik(Hp, to, LEN['thigh'] * fs[0], LEN['shin'] * fs[1], bend, 'knee')
        if foot is None:
            foot = shin - 90 * self.m if self.view == 'side' else shin
        self._chain(side, 'leg', Hp, ('knee', 'ankle', 'toe'), (LEN['thigh'], LEN['shin'], LEN['foot']),
                    (RAD['thigh'], RAD['shin'], RAD['foot']), thigh, shin, foot, fs)

    # -- highlight -------------------------------------------------------------------------
    def tint(self, group, a, b, t0=0.0, t1=1.0, r=(8.0, 8.0), off=0.0):
        """Tints the stretched or treated area: a capsule between joints (or points) a and b,
        from fraction t0 to t1, pushed sideways by off (positive: to the left of a->b)."""
        pa = self.j[a] if isinstance(a, str) else a
        pb = self.j[b] if isinstance(b, str) else b
        n = vec(ang(pa, pb) - 90, off)
        self.hl.append((group, capsule(add(lerp(pa, pb, t0), n), r[0], add(lerp(pa, pb, t1), n), r[1])))

    def tint_shape(self, group, pts):
        self.hl.append((group, pts))

    def order(self, *groups):
        self.groups = list(groups)

    def merge(self, into, *groups):
        for g in groups:
            self.parts.setdefault(into, []).extend(self.parts.pop(g))
            self.limb_group[g] = into

    def draw_order(self):
        if getattr(self, '_order', None) is None:
            self._order = self._draw_order()
        return self._order

    def _draw_order(self):
        if self.groups:
            self.merge('body', *[g for g in list(self.parts) if g not in self.groups])
            return self.groups
        if self.view == 'side':
            near, far = ('r', 'l') if self.m > 0 else ('l', 'r')
            self.merge('body', 'leg_' + near)
            return ['arm_' + far, 'leg_' + far, 'body', 'arm_' + near]
        self.merge('body', 'leg_r', 'leg_l')
        return ['body', 'arm_r', 'arm_l']


# ---------------------------------------------------------------------------------------------
# Props and arrows: small SVG fragments
# ---------------------------------------------------------------------------------------------

class Picture:
    def __init__(self, eid, title):
        self.eid, self.title = eid, title
        self.figs = []
        self.back, self.front, self.arrows = [], [], []
        self.extent = []            # points that must lie inside the frame
        self.dy = 0.0               # the whole drawing moved down by dy: centred in the frame

    def fig(self, view='side', m=1):
        f = Figure(view, m)
        self.figs.append(f)
        return f

    def floor(self, x0=20, x1=380, y=FLOOR, mat=None):
        self.back.append('<path d="M%s %s H%s" fill="none" stroke="%s" stroke-width="2" stroke-linecap="round"/>'
                         % (fmt(x0), fmt(y), fmt(x1), PROP_INK))
        for x in range(int(x0) + 10, int(x1) - 4, 16):
            self.back.append('<path d="M%d %s l-7 8" fill="none" stroke="%s" stroke-width="1.2" stroke-linecap="round"/>'
                             % (x, fmt(y + 1), PROP_INK))
        if mat:
            self.back.append('<rect x="%s" y="%s" width="%s" height="5" rx="2.5" fill="%s" stroke="%s" stroke-width="1.5"/>'
                             % (fmt(mat[0]), fmt(y - 5), fmt(mat[1] - mat[0]), PROP_FILL, PROP_INK))
        self.extent += [(x0, y), (x1, y + 9)]

    def wall(self, x, y0=24, y1=FLOOR, side=-1):
        """A wall at x; side -1 hatches to its left (the wall is on the left of the line)."""
        self.back.append('<path d="M%s %s V%s" fill="none" stroke="%s" stroke-width="2.5" stroke-linecap="round"/>'
                         % (fmt(x), fmt(y0), fmt(y1), PROP_INK))
        for y in range(int(y0) + 6, int(y1) - 2, 16):
            self.back.append('<path d="M%s %d l%s 7" fill="none" stroke="%s" stroke-width="1.2" stroke-linecap="round"/>'
                             % (fmt(x), y, fmt(8 * side), PROP_INK))
        self.extent += [(x + 9 * side, y0), (x, y1)]

    def shape(self, d, front=False, fill=PROP_FILL, ink=PROP_INK, width=2.0, extra=''):
        (self.front if front else self.back).append(
            '<path d="%s" fill="%s" stroke="%s" stroke-width="%s" stroke-linejoin="round" stroke-linecap="round"%s/>'
            % (d, fill, ink, fmt(width), extra))
        for x, y in re.findall(r'(-?[\d.]+)[ ,](-?[\d.]+)', d):
            pass

    def chair_side(self, x_front, x_back, seat=FLOOR - 66, back=True, front=False):
        """A chair seen from the side: seat from x_front to x_back, a backrest at x_back."""
        t = seat
        d = 'M%s %s H%s V%s H%s Z' % (fmt(x_front), fmt(t), fmt(x_back), fmt(t + 7), fmt(x_front))
        legs = 'M%s %s V%s M%s %s V%s' % (fmt(x_front + 5), fmt(t + 7), fmt(FLOOR), fmt(x_back - 5), fmt(t + 7), fmt(FLOOR))
        self.shape(legs, front, fill='none', width=3)
        self.shape(d, front)
        if back:
            sgn = 1 if x_back > x_front else -1
            self.shape('M%s %s L%s %s' % (fmt(x_back - 4 * sgn), fmt(t), fmt(x_back + 2 * sgn), fmt(t - 82)),
                       front, fill='none', width=5)
        self.extent += [(x_front, t - 84), (x_back, FLOOR)]

    def chair_front(self, cx, half=34, seat=FLOOR - 66):
        t = seat
        self.shape('M%s %s V%s M%s %s V%s' % (fmt(cx - half + 4), fmt(t + 6), fmt(FLOOR), fmt(cx + half - 4), fmt(t + 6),
                                               fmt(FLOOR)), fill='none', width=3)
        self.shape('M%s %s H%s V%s H%s Z' % (fmt(cx - half), fmt(t), fmt(cx + half), fmt(t + 7), fmt(cx - half)))
        self.shape('M%s %s V%s H%s V%s' % (fmt(cx - half + 6), fmt(t), fmt(t - 70), fmt(cx + half - 6), fmt(t)),
                   fill='none', width=3)
        self.extent += [(cx - half, t - 72), (cx + half, FLOOR)]

    def stool(self, cx, seat, half=30, front=True):
        """A stool seen from the front or back: in front of the shins of a sitter seen from behind,
        behind the legs (front=False) of one facing the viewer."""
        self.shape('M%s %s L%s %s M%s %s L%s %s' % (fmt(cx - half + 5), fmt(seat + 6), fmt(cx - half), fmt(FLOOR),
                                                 fmt(cx + half - 5), fmt(seat + 6), fmt(cx + half), fmt(FLOOR)),
                   front, fill='none', width=3.5)
        self.shape('M%s %s H%s V%s H%s Z' % (fmt(cx - half - 4), fmt(seat), fmt(cx + half + 4), fmt(seat + 8),
                                             fmt(cx - half - 4)), front)
        self.extent += [(cx - half - 4, seat), (cx + half + 4, FLOOR)]

    def ball(self, c, r=9.0, front=True):
        (self.front if front else self.back).append(
            '<circle cx="%s" cy="%s" r="%s" fill="#f5c211" stroke="%s" stroke-width="2"/>'
            '<path d="M%s %s q%s %s 0 %s" fill="none" stroke="%s" stroke-width="1.2"/>'
            % (fmt(c[0]), fmt(c[1]), fmt(r), INK, fmt(c[0] - r * 0.55), fmt(c[1] - r * 0.8), fmt(r * 0.6),
               fmt(r * 0.8), fmt(r * 1.6), INK))
        self.extent += [(c[0] - r, c[1] - r), (c[0] + r, c[1] + r)]

    def roller(self, c, r=15.0, front=False):
        (self.front if front else self.back).append(
            '<circle cx="%s" cy="%s" r="%s" fill="#99c1f1" stroke="%s" stroke-width="2"/>'
            '<circle cx="%s" cy="%s" r="%s" fill="none" stroke="%s" stroke-width="1.2"/>'
            % (fmt(c[0]), fmt(c[1]), fmt(r), INK, fmt(c[0]), fmt(c[1]), fmt(r * 0.45), INK))
        self.extent += [(c[0] - r, c[1] - r), (c[0] + r, c[1] + r)]

    def strap(self, pts, front=True, colour='#c0bfbc', width=2.0):
        """A towel or strap (light, outlined), or with colour and width a cane."""
        (self.front if front else self.back).append(
            '<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>'
            '<path d="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>'
            % (pts_d(pts, False), INK, fmt(width + 2.5), pts_d(pts, False), colour, fmt(width)))
        self.extent += list(pts)

    def arrow(self, pts, head=True, both=False):
        """An arrow along the quadratic (3 points) or straight (2 points) path."""
        if len(pts) == 2:
            path = [pts[0], pts[1]]
        else:
            path = [lerp(lerp(pts[0], pts[1], t), lerp(pts[1], pts[2], t), t) for t in [i / 20 for i in range(21)]]
        self.arrows.append((path, both))
        self.extent += path

    def arc_arrow(self, c, r, a0, a1, both=False, ry=None):
        ry = r if ry is None else ry
        n = max(8, int(abs(a1 - a0) / 6))
        path = [(c[0] + r * math.cos(d2r(a0 + (a1 - a0) * i / n)), c[1] + ry * math.sin(d2r(a0 + (a1 - a0) * i / n)))
                for i in range(n + 1)]
        self.arrows.append((path, both))
        self.extent += path

    # -- output ----------------------------------------------------------------------------
    def centre(self):
        """Moves the drawing so that it sits in the middle of the frame, top to bottom."""
        ys = [y for _x, y in self.extent]
        for f in self.figs:
            f.draw_order()
            ys += [y for polys in f.parts.values() for p in polys for _x, y in p]
        if ys:
            self.dy = round((H - min(ys) - max(ys)) / 2)

    def svg(self):
        self.centre()
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<!-- SPDX-License-Identifier: CC-BY-SA-4.0 -->',
               '<!-- Generated by build-aux/draw-poses.py; edit the script, not this file. -->',
               '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">' % (W, H, W, H),
               '  <title>%s</title>' % self.title,
               '  <defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
               'patternTransform="rotate(45)"><rect width="6" height="6" fill="%s"/>'
               '<path d="M0 0 V6" stroke="%s" stroke-width="2"/></pattern></defs>' % (TINT, HATCH)]
        out.append('  <g transform="translate(0 %s)">' % fmt(self.dy))
        out += ['  ' + s for s in self.back]
        for f in self.figs:
            order = f.draw_order()
            for g in order:
                if g not in f.parts:
                    raise PoseError('%s: no part group %s' % (self.eid, g))
            if sorted(order) != sorted(f.parts):
                raise PoseError('%s: groups drawn %s but the figure has %s' % (self.eid, order, sorted(f.parts)))
            for g in order:
                far = f.view == 'side' and g.endswith('_l' if f.m > 0 else '_r')
                ds = [pts_d(p) for p in f.parts[g]]
                out.append('  <g stroke="%s" stroke-width="%s" stroke-linejoin="round">' % (INK, fmt(2 * OUTLINE)))
                out += ['    <path d="%s"/>' % d for d in ds]
                out.append('  </g>')
                out.append('  <g fill="%s">' % (FILL_FAR if far else FILL))
                out += ['    <path d="%s"/>' % d for d in ds]
                out.append('  </g>')
                hls = [p for grp, p in f.hl if f.limb_group.get(grp, grp) == g]
                if hls:
                    out.append('  <g fill="url(#hatch)" stroke="%s" stroke-width="1" stroke-opacity="0.6">' % HATCH)
                    out += ['    <path d="%s"/>' % pts_d(p) for p in hls]
                    out.append('  </g>')
        out += ['  ' + s for s in self.front]
        for path, both in self.arrows:
            d = pts_d(path, False)
            heads = [self._head(path)] + ([self._head(list(reversed(path)))] if both else [])
            out.append('  <path d="%s" fill="none" stroke="#ffffff" stroke-width="7" stroke-linecap="round"/>' % d)
            out.append('  <path d="%s" fill="none" stroke="%s" stroke-width="3.5" stroke-linecap="round"/>' % (d, ARROW))
            for hd in heads:
                out.append('  <path d="%s" fill="%s" stroke="%s" stroke-width="1.5" stroke-linejoin="round"/>'
                           % (hd, ARROW, ARROW))
        out.append('  </g>')
        out.append('</svg>')
        return '\n'.join(out) + '\n'

    @staticmethod
    def _head(path):
        tip, prev = path[-1], path[-2]
        a = ang(prev, tip)
        return pts_d([add(tip, vec(a, 5)), add(tip, vec(a + 150, 13)), add(tip, vec(a - 150, 13))])


# ---------------------------------------------------------------------------------------------
# The self-check
# ---------------------------------------------------------------------------------------------

def check_figure(pic, f):
    errors = ['%s: %s' % (pic.eid, e) for e in f.errors]
    for name, a, b, nominal, fs in f.segs:
        length = dist(a, b)
        if not 0.3 <= fs <= 1.0:
            errors.append('%s: foreshortening %.2f of %s outside 0.3-1' % (pic.eid, fs, name))
        if length > nominal + 0.05 or length < nominal * fs - 0.05 or length < nominal * 0.3 - 0.05:
            errors.append('%s: %s drawn %.1f px long, should be %.1f' % (pic.eid, name, length, nominal * fs))
    if f.view == 'side':
        # Knees only bend backwards and elbows forwards (the sign of the turn from one segment to the next).
        for side in ('r', 'l'):
            if 'knee_' + side in f.j:
                t = sub(f.j['knee_' + side], f.j['hip_' + side])
                s = sub(f.j['ankle_' + side], f.j['knee_' + side])
                if cross(t, s) * f.m < -0.02 * dist((0, 0), t) * dist((0, 0), s):
                    errors.append('%s: the %s knee bends forwards' % (pic.eid, side))
            if 'elbow_' + side in f.j and 'elbow_' + side in f.across:
                if not any(fs < 1 for name, a, b, n, fs in f.segs if name == 'arm ' + side):
                    errors.append('%s: the %s arm moves out of the plane but is not foreshortened' % (pic.eid, side))
            elif 'elbow_' + side in f.j:
                u = sub(f.j['elbow_' + side], f.j['shoulder_' + side])
                v = sub(f.j['wrist_' + side], f.j['elbow_' + side])
                if cross(u, v) * f.m > 0.02 * dist((0, 0), u) * dist((0, 0), v):
                    errors.append('%s: the %s elbow bends backwards' % (pic.eid, side))
    for g, polys in f.parts.items():
        for p in polys:
            for x, y in p:
                y += pic.dy
                if not (OUTLINE + 1 <= x <= W - OUTLINE - 1 and OUTLINE + 1 <= y <= H - OUTLINE - 1):
                    errors.append('%s: the figure leaves the frame at (%.0f, %.0f)' % (pic.eid, x, y))
                    return errors
    return errors


def check_picture(pic):
    errors = []
    for f in pic.figs:
        errors += check_figure(pic, f)
    for x, y in pic.extent:
        if not (0 <= x <= W and 0 <= y + pic.dy <= H):
            errors.append('%s: a prop or arrow leaves the frame at (%.0f, %.0f)' % (pic.eid, x, y))
            break
    return errors


def library_ids():
    ids = {}
    for fname in ('stretches.xml', 'selfcare.xml'):
        root = ET.parse(os.path.join(LIBRARY, fname)).getroot()
        for kind in ('stretch', 'selfcare'):
            for e in root.iter(NS + kind):
                ids[e.get('id')] = e.findtext(NS + 'name')
    return ids


def check_svg_file(path):
    errors = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return ['%s: does not parse: %s' % (path, e)]
    if root.get('viewBox') != '0 0 %d %d' % (W, H):
        errors.append('%s: viewBox %s, expected 0 0 %d %d' % (path, root.get('viewBox'), W, H))
    dy = 0.0
    drawn = [el for child in root if not child.tag.endswith('defs') for el in child.iter()]
    for el in drawn:
        m = re.fullmatch(r'translate\(0 (-?[\d.]+)\)', el.get('transform') or '')
        if m:
            dy = float(m.group(1))
    for el in drawn:
        d = el.get('d')
        if d and el.tag.endswith('path') and 'pattern' not in str(el):
            nums = [float(v) for v in re.findall(r'-?\d+(?:\.\d+)?', d)]
            # absolute coordinates follow M and L; hatch strokes are relative and short
            for cmd, x, y in re.findall(r'([ML])(-?[\d.]+) (-?[\d.]+)', d):
                if not (0 <= float(x) <= W and 0 <= float(y) + dy <= H):
                    errors.append('%s: a point at (%s, %s) outside the frame' % (path, x, y))
                    break
            del nums
    return errors


def check():
    errors = []
    ids = library_ids()
    pics = {p.eid: p for p in pictures()}
    files = {f[:-4] for f in os.listdir(OUT) if f.endswith('.svg')}
    for eid in sorted(set(ids) - set(pics)):
        errors.append('%s: the library has this entry but the script draws no picture for it' % eid)
    for eid in sorted(set(pics) - set(ids)):
        errors.append('%s: the script draws a picture for an entry the library does not have' % eid)
    for eid in sorted(set(ids) - files):
        errors.append('%s: no data/illustrations/%s.svg' % (eid, eid))
    for eid in sorted(files - set(ids)):
        errors.append('data/illustrations/%s.svg belongs to no stretch or self-care entry' % eid)
    listed = set(re.findall(r'<file[^>]*>illustrations/([a-z0-9-]+)\.svg</file>',
                            open(os.path.join(ROOT, 'data', 'dorsum-core.gresource.xml'), encoding='utf-8').read()))
    for eid in sorted(files - listed):
        errors.append('data/dorsum-core.gresource.xml does not list illustrations/%s.svg' % eid)
    for eid in sorted(listed - files):
        errors.append('data/dorsum-core.gresource.xml lists illustrations/%s.svg, which does not exist' % eid)
    for eid, pic in sorted(pics.items()):
        if re.search(r'[<>&]', pic.title):
            errors.append('%s: the title must be plain text (no <, > or &)' % eid)
        try:
            text = pic.svg()
        except PoseError as e:
            errors.append(str(e))
            continue
        errors += check_picture(pic)
        path = os.path.join(OUT, eid + '.svg')
        if os.path.exists(path):
            errors += check_svg_file(path)
            with open(path, encoding='utf-8') as fh:
                if fh.read() != text:
                    errors.append('data/illustrations/%s.svg differs from what the script draws: '
                                  'run python3 build-aux/draw-poses.py' % eid)
    for e in errors:
        print('error: ' + e, file=sys.stderr)
    print('%d pictures checked, %d errors' % (len(pics), len(errors)))
    return 1 if errors else 0


def self_test():
    """The check must catch what it is for: each broken pose below has to be reported."""
    import tempfile

    def errors_of(build):
        pic = Picture('broken', 'A broken pose')
        build(pic)
        return ' / '.join(check_picture(pic))

    def out_of_reach(p):
        f = p.fig('side', 1)
        f.spine((200, 150))
        f.arm('r', to=(200, 290))

    def knee_forwards(p):
        f = p.fig('side', 1)
        f.spine((200, 150))
        f.leg('r', 90, 30)

    def elbow_backwards(p):
        f = p.fig('side', 1)
        f.spine((200, 150))
        f.arm('r', 90, 150)

    def out_of_frame(p):
        f = p.fig('side', 1)
        f.spine((385, 150))

    def too_short(p):
        f = p.fig('front', 1)
        f.spine((200, 150))
        f.arm('r', 90, 90, fs=(0.2, 1, 1))

    def arrow_out(p):
        p.arrow([(10, 10), (-20, 10)])

    cases = [(out_of_reach, 'misses its target'), (knee_forwards, 'knee bends forwards'),
             (elbow_backwards, 'elbow bends backwards'), (out_of_frame, 'leaves the frame'),
             (too_short, 'foreshortening'), (arrow_out, 'prop or arrow leaves the frame')]
    failures = 0
    for build, expected in cases:
        found = errors_of(build)
        if expected not in found:
            print('self-test: %s: expected "%s", got "%s"' % (build.__name__, expected, found), file=sys.stderr)
            failures += 1
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'x.svg')
        with open(path, 'w', encoding='utf-8') as fh:
            fh.write('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 300"><path d="M10 10 L500 10"/></svg>')
        found = ' / '.join(check_svg_file(path))
        for expected in ('viewBox', 'outside the frame'):
            if expected not in found:
                print('self-test: svg file: expected "%s", got "%s"' % (expected, found), file=sys.stderr)
                failures += 1
    print('self-test: %d of %d cases failed' % (failures, len(cases) + 2))
    return 1 if failures else 0


def main():
    args = sys.argv[1:]
    if args and args[0] == '--check':
        return check()
    if args and args[0] == '--self-test':
        return self_test()
    os.makedirs(OUT, exist_ok=True)
    status = 0
    for pic in pictures():
        if args and pic.eid not in args:
            continue
        try:
            text = pic.svg()
        except PoseError as e:
            print('error: %s' % e, file=sys.stderr)
            status = 1
            continue
        for e in check_picture(pic):
            print('error: ' + e, file=sys.stderr)
            status = 1
        with open(os.path.join(OUT, pic.eid + '.svg'), 'w', encoding='utf-8') as fh:
            fh.write(text)
    return status


# ---------------------------------------------------------------------------------------------
# The poses, one function per entry, in library order
# ---------------------------------------------------------------------------------------------

POSES = []


def pose(eid, title):
    def wrap(fn):
        POSES.append((eid, title, fn))
        return fn
    return wrap


def pictures():
    out = []
    for eid, title, fn in POSES:
        pic = Picture(eid, title)
        try:
            fn(pic)
        except PoseError as e:
            pic.figs = []
            pic.extent = [(-1, -1)]
            print('error: %s: %s' % (eid, e), file=sys.stderr)
        out.append(pic)
    return out


# Heights that recur: a chair's seat, a pelvis sitting on it, a standing pelvis, a pelvis lying on a mat.
SEAT = FLOOR - 50
SIT_P = SEAT - 13
STAND_P = FLOOR - 8 - LEN['shin'] - LEN['thigh']
MAT = FLOOR - 5
LIE_P = MAT - 16
FOOT_Y = FLOOR - 6          # an ankle whose foot is flat on the floor
KNEEL_Y = MAT - 7           # a knee resting on the mat


def seated_back(p, f, neck=-90.0, face=None):
    """A person sitting on a stool, seen from behind: the back of the neck and shoulders in view,
    the shins behind the stool.  Returns the pelvis height."""
    py = FOOT_Y - LEN['shin'] - 0.3 * LEN['thigh'] + 3
    p.floor(90, 310)
    p.stool(200, py + 13)
    f.spine((200, py), -90, -90, neck, face=face)
    f.leg('r', 88, 90, 90, fs=(0.3, 1, 0.3))
    f.leg('l', 92, 90, 90, fs=(0.3, 1, 0.3))
    return py


def standing_front(p, f, px=200.0, lumbar=-90.0, thorax=-90.0, neck=-90.0, feet=(190, 210), face=None):
    p.floor(90, 310)
    f.spine((px, STAND_P), lumbar, thorax, neck, face=face)
    if f.m < 0:         # seen from behind, the right foot is on the viewer's right
        feet = (feet[1], feet[0])
    for side, x in (('r', feet[0]), ('l', feet[1])):
        hip = f.j['hip_' + side]
        a = ang(hip, (x, FOOT_Y + 1))
        f.leg(side, a, a, 90, fs=(1, 1, 0.3))


def supine(p, f, px, neck=180.0, lumbar=180.0, thorax=180.0, y=LIE_P, face=None):
    """Lying on the back, head to the left (chirality +1), pelvis at px."""
    f.spine((px, y), lumbar, thorax, neck, face=face)


@pose('upper-trapezius-stretch', 'Upper trapezius stretch, seen from behind: seated, the right hand holds '
      'the seat, the head tips the left ear towards the left shoulder')
def upper_trapezius(p):
    f = p.fig('front', -1)
    py = seated_back(p, f, neck=-120)
    f.arm('r', to=(232, py + 9), bend=-1)
    f.arm('l', 96, 84, 84)
    f.tint('body', 'chest', 'shoulder_r', 0.1, 1.05, (6, 7), off=3)
    f.tint('body', 'chest', 'head', 0.0, 0.4, (6, 5), off=-4)
    p.arc_arrow(f.j['chest'], 60, -80, -128)
    p.arrow([(240, 92), (240, 114)])


@pose('levator-scapulae-stretch', 'Levator scapulae stretch, seen from behind: seated, the right hand holds '
      'the seat, the head turns to the left and bows towards the left armpit, the left hand resting on the back '
      'of the head')
def levator_scapulae(p):
    f = p.fig('front', -1)
    py = seated_back(p, f, neck=-114)
    f.arm('r', to=(232, py + 9), bend=-1)
    hd = f.j['head']
    f.arm('l', to=(hd[0] - 10, hd[1] - 14), bend=1, hand=25)
    f.tint('body', 'chest', 'shoulder_r', 0.0, 0.7, (6, 6), off=-2)
    f.tint('body', 'chest', 'head', 0.0, 0.4, (6, 5), off=-4)
    p.arrow([(148, 70), (136, 90), (146, 112)])


@pose('chin-tuck', 'Chin tuck: standing tall, the head glides straight back, eyes level')
def chin_tuck(p):
    p.floor(100, 300)
    f = p.fig('side', 1)
    f.spine((200, STAND_P), -90, -92, -86, face=0)
    f.arm('r', 96, 80, 82)
    f.arm('l', 94, 82, 84)
    f.leg('r', 90, 90)
    f.leg('l', 92, 92)
    f.tint('body', 'chest', 'head', 0.1, 0.5, (5, 5), off=5)
    hd = f.j['head']
    p.arrow([(hd[0] + 46, hd[1] + 4), (hd[0] + 26, hd[1] + 4)])


@pose('cross-body-shoulder-stretch', 'Cross-body shoulder stretch: standing, the right arm across the chest '
      'at shoulder height, the left hand drawing it in just above the elbow')
def cross_body(p):
    f = p.fig('front', 1)
    standing_front(p, f)
    s = f.j['shoulder_r']
    f.arm('r', 4, -2, -2)
    e = f.j['elbow_r']
    f.arm('l', to=(e[0] - 8, e[1] + 2), bend=-1, hand=-120)
    f.order('body', 'arm_r', 'arm_l')
    f.tint('arm_r', 'shoulder_r', 'elbow_r', 0.0, 0.35, (8, 7))
    p.arrow([(e[0] + 10, e[1] + 26), (e[0] + 40, e[1] + 26)])


@pose('sleeper-stretch', 'Sleeper stretch: lying on the right side, head on a pillow, the right elbow bent '
      'at a right angle in front of the shoulder; the left hand lowers the right forearm towards the floor')
def sleeper(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('front', 1)
    f.spine((240, MAT - 20), 180, 182, 185)
    hd = f.j['head']
    p.shape('M%s %s h40 a6 6 0 0 1 0 %s h-40 a6 6 0 0 1 0 %s Z' % (fmt(hd[0] - 22), fmt(hd[1] + 13), fmt(MAT - hd[1] - 13),
                                                            fmt(-(MAT - hd[1] - 13))))
    f.leg('r', 1, 0, 0, fs=(1, 1, 0.5))
    f.leg('l', -3, 1, 0, fs=(1, 1, 0.5))
    f.arm('r', 180, -90, -90, fs=(0.3, 1, 1))
    w = f.j['wrist_r']
    f.arm('l', to=(w[0] + 3, w[1] + 4), bend=1, fs=(0.5, 0.6, 1), hand=-150)
    f.order('body', 'arm_l', 'arm_r')
    f.tint('arm_r', 'shoulder_r', 'elbow_r', -0.2, 1.0, (9, 8))
    p.arc_arrow(f.j['elbow_r'], 50, -80, -30)


@pose('overhead-side-stretch', 'Overhead side stretch: standing, the right arm up and over, the left hand '
      'holding the right wrist; the body leans to the left while the hips drift to the right')
def overhead_side(p):
    f = p.fig('front', 1)
    standing_front(p, f, px=186, lumbar=-80, thorax=-64, neck=-58, feet=(186, 214))
    f.arm('r', -58, -14, -8)
    w = f.j['wrist_r']
    f.arm('l', to=(w[0] - 4, w[1] + 6), bend=-1, hand=-40)
    f.tint('body', 'waist', 'chest', -0.3, 0.85, (6, 8), off=13)
    f.tint('arm_r', 'shoulder_r', 'elbow_r', 0.0, 0.45, (7, 6))
    p.arc_arrow((200, 120), 100, -125, -72)


@pose('childs-pose', "Child's pose: kneeling, sitting back towards the heels, chest on the thighs, "
      'forehead on the mat, arms reaching forward')
def childs_pose(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    f.spine((132, 230), 2, 18, 16)
    f.leg('r', to=(118, KNEEL_Y + 2), foot=180)
    f.leg('l', to=(114, KNEEL_Y + 2), foot=180)
    s = f.j['shoulder_r']
    f.arm('r', to=(s[0] + 82, MAT - 6), hand=2)
    f.arm('l', to=(s[0] + 78, MAT - 7), hand=2)
    f.tint('body', 'pelvis', 'chest', 0.0, 0.95, (8, 8), off=9)
    p.arrow([(s[0] + 40, s[1] - 34), (s[0] + 80, s[1] - 30)])
    p.arrow([(124, 194), (104, 206)])


def all_fours(p, f, floor, px, lumbar, thorax, neck, face=None):
    f.spine((px, floor - 5 - 7 - LEN['thigh']), lumbar, thorax, neck, face=face)
    f.leg('r', to=(px - 56, floor - 10), foot=180)
    f.leg('l', to=(px - 60, floor - 11), foot=180)
    s = f.j['shoulder_r']
    f.arm('r', to=(s[0] + 2, floor - 10), hand=0)
    f.arm('l', to=(s[0] - 2, floor - 11), hand=0)


@pose('cat-cow', 'Cat-cow on hands and knees: above, the back rounds up (the cat, breathing out); '
      'below, the belly lowers and the chest lifts (the cow, breathing in)')
def cat_cow(p):
    top = 137.0
    p.floor(40, 360, y=top, mat=(60, 340))
    p.floor(40, 360, y=FLOOR, mat=(60, 340))
    cat = p.fig('side', 1)
    all_fours(p, cat, top, 150, -28, 16, 70)
    cat.tint('body', 'pelvis', 'chest', 0.05, 0.95, (8, 8), off=9)
    w = cat.j['waist']
    p.arrow([(w[0] + 14, w[1] - 18), (w[0] + 14, w[1] - 34)])
    cow = p.fig('side', 1)
    all_fours(p, cow, FLOOR, 150, 12, -26, -40)
    cow.tint('body', 'pelvis', 'chest', 0.05, 0.9, (8, 8), off=9)
    w = cow.j['waist']
    p.arrow([(w[0] + 4, w[1] + 22), (w[0] + 4, w[1] + 42)])


@pose('knee-to-chest', 'Knee-to-chest stretch: lying on the back, one knee drawn towards the chest with both '
      'hands behind the thigh, the other foot flat on the floor')
def knee_to_chest(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    supine(p, f, 240)
    f.leg('l', to=(320, FOOT_Y - 4))
    f.leg('r', -132, -12, -100)
    k = lerp(f.j['hip_r'], f.j['knee_r'], 0.82)
    f.arm('l', to=(k[0] - 2, k[1] - 4), hand=-60)
    f.arm('r', to=(k[0] + 2, k[1] + 2), hand=-60)
    f.order('arm_l', 'leg_l', 'body', 'leg_r', 'arm_r')
    f.tint('body', 'pelvis', 'waist', -0.2, 0.9, (9, 8), off=6)
    p.arc_arrow(f.j['hip_r'], 80, -118, -146)

@pose('seated-spinal-twist', 'Seated spinal twist, seen from behind: sitting tall on a chair, the chest and head '
      'turned to the right, the right hand holding the chair back, the left hand on the outside of the right knee')
def seated_twist(p):
    f = p.fig('front', -1)
    py = FOOT_Y - LEN['shin'] - 0.3 * LEN['thigh'] + 3
    p.floor(90, 310)
    seat = py + 13
    f.spine((200, py), -90, -90, -90, face=-10, turn=0.72)
    f.leg('r', 88, 90, 90, fs=(0.3, 1, 0.3))
    f.leg('l', 92, 90, 90, fs=(0.3, 1, 0.3))
    p.stool(200, seat, half=34)
    rail = seat - 40
    p.shape('M%s %s V%s H%s V%s' % (fmt(170), fmt(seat), fmt(rail), fmt(230), fmt(seat)), True, fill='none', width=4)
    f.arm('r', to=(224, rail + 2), bend=-1, hand=110, grip=True)
    f.arm('l', 60, 30, 30, fs=(0.7, 0.6, 1))
    f.order('arm_l', 'body', 'arm_r')
    f.tint('body', 'pelvis', 'chest', 0.25, 0.75, (8, 8))
    c = lerp(f.j['waist'], f.j['chest'], 0.55)
    p.arc_arrow(c, 44, 20, 160, ry=12)


@pose('standing-side-bend', 'Standing side bend: the right foot crossed behind the left, the right hip out to the '
      'right, the body leaning to the left, the left hand sliding down the left thigh, the right arm over the head')
def standing_side_bend(p):
    f = p.fig('front', 1)
    p.floor(90, 310)
    f.spine((184, STAND_P + 2), -76, -60, -56)
    for side, x in (('r', 214), ('l', 198)):
        hip = f.j['hip_' + side]
        a = ang(hip, (x, FOOT_Y + 1))
        f.leg(side, a, a, 90, fs=(1, 1, 0.3))
    f.arm('r', -52, -16, -10)
    k = lerp(f.j['hip_l'], f.j['knee_l'], 0.3)
    f.arm('l', to=(k[0] + 12, k[1]), bend=-1, hand=95)
    f.merge('body', 'leg_l')
    f.order('leg_r', 'body', 'arm_r', 'arm_l')
    f.tint('body', 'pelvis', 'chest', 0.1, 0.75, (6, 7), off=14)
    p.arc_arrow((205, 125), 100, -128, -74)


@pose('figure-four-stretch', 'Figure-four stretch: lying on the back, the right ankle across the left thigh, '
      'both hands drawing the left thigh towards the chest')
def figure_four(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    supine(p, f, 250)
    f.leg('l', -112, -26, -116)
    k = f.j['knee_l']
    t = lerp(f.j['hip_l'], k, 0.86)
    f.leg('r', to=(t[0] + 2, t[1] - 6), fs=(0.7, 0.85, 1), foot=-70)
    h = lerp(f.j['hip_l'], k, 0.7)
    f.arm('l', to=(h[0] - 3, h[1] + 2), hand=-70)
    f.arm('r', to=(h[0] + 1, h[1] + 5), hand=-70)
    f.order('arm_l', 'leg_l', 'body', 'arm_r', 'leg_r')
    f.tint('leg_r', 'hip_r', 'knee_r', -0.2, 0.4, (12, 9))
    p.arc_arrow(f.j['hip_l'], 80, -105, -132)


@pose('supine-hamstring-stretch', 'Supine hamstring stretch: lying on the back, one leg raised straight with a '
      'towel round the foot, both hands holding the towel, the other leg along the floor')
def supine_hamstring(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    supine(p, f, 215)
    f.leg('l', 2, 5)
    f.leg('r', -76, -73)
    ball = lerp(f.j['ankle_r'], f.j['toe_r'], 0.55)
    sole = add(ball, vec(ang(f.j['knee_r'], f.j['ankle_r']), 6))
    hands = lerp(f.j['hip_r'], f.j['knee_r'], 0.75)
    f.arm('l', to=(hands[0] - 24, hands[1] + 2), hand=-70)
    f.arm('r', to=(hands[0] - 20, hands[1] + 6), hand=-70)
    wl, wr = f.j['fingers_l'], f.j['fingers_r']
    p.strap([wl, add(sole, (-3, -2)), (sole[0] + 4, sole[1] - 4), add(wr, (2, 0))])
    f.order('arm_l', 'leg_l', 'body', 'leg_r', 'arm_r')
    f.tint('leg_r', 'hip_r', 'knee_r', 0.15, 0.95, (7, 6), off=4)
    f.tint('leg_r', 'knee_r', 'ankle_r', 0.0, 0.3, (5, 5), off=2)
    p.arc_arrow(f.j['hip_r'], 140, -68, -92)


@pose('kneeling-hip-flexor-stretch', 'Kneeling hip flexor stretch: kneeling on the right knee, the left foot flat '
      'in front, the trunk upright; the pelvis tucks under and the body shifts forward')
def kneeling_hip_flexor(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    f.spine((190, 210), -94, -90, -88)
    f.leg('l', to=(262, FOOT_Y))
    f.leg('r', to=(112, MAT - 5), foot=178)
    k = f.j['knee_l']
    f.arm('l', to=(k[0] - 10, k[1] - 9), hand=10)
    f.arm('r', -100, -104, -104)
    f.tint('leg_r', 'hip_r', 'knee_r', -0.1, 0.55, (9, 7), off=-4)
    f.tint('body', 'pelvis', 'waist', 0.0, 0.6, (6, 6), off=-7)
    p.arrow([(214, 176), (244, 176)])


@pose('thread-the-needle', 'Thread the needle: from hands and knees, the right arm slid palm up under the body to '
      'the left, the right shoulder and the side of the head lowered to the mat, the hips kept over the knees')
def thread_the_needle(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', -1)
    f.spine((250, MAT - 7 - LEN['thigh'] + 2), 160, 135, 172)
    f.leg('l', to=(306, MAT - 5), foot=0)
    f.leg('r', to=(310, MAT - 6), foot=0)
    s = f.j['shoulder_l']
    f.arm('l', to=(s[0] - 72, MAT - 6), hand=180)
    f.arm('r', 60, 6, 4, fs=(0.5, 0.8, 1), across=True)
    f.order('leg_r', 'body', 'arm_r', 'leg_l', 'arm_l')
    f.tint('body', 'waist', 'chest', 0.2, 1.05, (7, 8), off=-8)
    # No arrow: the arm slides towards the viewer, which an arrow on the page cannot say clearly.


@pose('rhomboid-hug-stretch', 'Rhomboid hug stretch: standing, the arms crossed in a hug, the upper back rounded '
      'backwards and the chin dropped')
def rhomboid_hug(p):
    p.floor(100, 300)
    f = p.fig('side', 1)
    f.spine((196, STAND_P), -92, -74, -40)
    c = f.j['chest']
    f.arm('l', 30, 196, 200, fs=(1, 0.7, 1), across=True)
    f.arm('r', 36, 200, 206, fs=(1, 0.7, 1), across=True)
    f.leg('r', 90, 90)
    f.leg('l', 92, 92)
    f.tint('body', 'waist', 'chest', 0.35, 1.05, (7, 8), off=9)
    p.arrow([(c[0] - 30, c[1] + 4), (c[0] - 54, c[1] - 2)])


@pose('cross-leg-glute-stretch', 'Cross-leg glute stretch, seen from above: lying on the back on a mat, the right '
      'knee drawn up and across the body towards the left shoulder by the left hand')
def cross_leg_glute(p):
    p.shape('M46 86 H354 Q362 86 362 94 V206 Q362 214 354 214 H46 Q38 214 38 206 V94 Q38 86 46 86 Z')
    p.shape('M90 126 Q86 150 90 174 H120 Q124 150 120 126 Z')
    f = p.fig('front', 1)
    f.spine((232, 150), 180, 180, 180)
    f.leg('l', -3, -1, 0, fs=(1, 1, 0.35))
    hip = f.j['hip_r']
    f.leg('r', to=(250, 116), bend=-1, fs=(0.86, 0.8, 0.4), foot=-40)
    k = f.j['knee_r']
    f.arm('l', to=(k[0] - 6, k[1] - 2), bend=1, hand=0)
    f.arm('r', 30, 10, 10)
    f.order('arm_r', 'body', 'leg_r', 'arm_l')
    f.tint('leg_r', 'hip_r', 'knee_r', -0.15, 0.3, (12, 10))
    p.arrow([(k[0] + 4, k[1] - 18), (k[0] - 12, k[1] - 34), (k[0] - 32, k[1] - 38)])


@pose('doorway-pectoral-stretch', 'Doorway pectoral stretch: standing in a doorway, one foot stepped forward, the '
      'forearms on the door frame with the elbows at shoulder height; the chest moves forward')
def doorway_pectoral(p):
    p.floor(60, 340)
    f = p.fig('side', 1)
    f.spine((190, STAND_P + 10), -86, -82, -84)
    s = f.j['shoulder_r']
    x = s[0] - 24
    p.shape('M%s 20 H%s V%s H%s Z' % (fmt(x - 8), fmt(x + 8), fmt(FLOOR), fmt(x - 8)))
    f.arm('l', 178, -92, -92, fs=(0.5, 1, 1), across=True)
    f.arm('r', 172, -88, -88, fs=(0.52, 1, 1), across=True)
    f.leg('r', to=(228, FOOT_Y))
    f.leg('l', to=(172, FOOT_Y))
    f.tint('body', 'waist', 'chest', 0.5, 1.0, (7, 8), off=-8)
    f.tint('arm_r', 'shoulder_r', 'elbow_r', -0.2, 0.5, (7, 6))
    p.arrow([(s[0] + 26, s[1] + 14), (s[0] + 52, s[1] + 14)])


@pose('scalene-scm-stretch', 'Scalene and sternocleidomastoid stretch, seen from behind: seated, the right hand '
      'holds the seat, the head tips the left ear towards the left shoulder, the face turned a little to the right')
def scalene_scm(p):
    f = p.fig('front', -1)
    py = seated_back(p, f, neck=-122, face=-35)
    f.arm('r', to=(232, py + 9), bend=-1)
    f.arm('l', 96, 84, 84)
    f.tint('body', 'chest', 'head', 0.0, 0.5, (6, 5), off=-5)
    f.tint('body', 'chest', 'shoulder_r', 0.05, 0.45, (5, 5), off=-2)
    p.arc_arrow(f.j['chest'], 60, -80, -128)
    p.arrow([(240, 92), (240, 114)])


@pose('prone-press-up', 'Prone press-up: lying face down, the hands under the shoulders push the chest up while '
      'the pelvis and legs stay relaxed on the floor')
def prone_press_up(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', -1)
    f.spine((210, MAT - 15), -158, -124, -124)
    f.leg('r', 1, 0, 2)
    f.leg('l', 2, 0, 3)
    s = f.j['shoulder_l']
    reach = math.sqrt(max(0.0, 84.0 ** 2 - (MAT - 6 - s[1]) ** 2))     # arms nearly straight
    f.arm('l', to=(s[0] - reach, MAT - 6), hand=180)
    f.arm('r', to=(s[0] - reach + 4, MAT - 7), hand=180)
    f.tint('body', 'pelvis', 'chest', 0.0, 0.75, (8, 8), off=8)
    p.arc_arrow(f.j['pelvis'], 128, -168, -144)


@pose('standing-quadriceps-stretch', 'Standing quadriceps stretch: standing, one hand on a chair back, the other '
      'hand holding the ankle and drawing the heel towards the buttock')
def standing_quadriceps(p):
    p.floor(60, 340)
    p.chair_side(292, 240, seat=SEAT)
    f = p.fig('side', 1)
    f.spine((196, STAND_P), -90, -90, -88)
    f.leg('l', 90, 90)
    f.leg('r', 96, -108, 168)
    a = f.j['ankle_r']
    f.arm('r', to=(a[0] + 3, a[1] + 2), hand=150)
    f.arm('l', to=(238, SEAT - 76), hand=10)
    f.tint('leg_r', 'hip_r', 'knee_r', 0.1, 0.9, (7, 6), off=5)
    p.arrow([(a[0] - 22, a[1] + 16), (a[0] - 28, a[1] - 2), (a[0] - 16, a[1] - 18)])


@pose('adductor-stretch', 'Wide-leg adductor stretch: sitting on the floor facing the viewer, the legs spread wide, '
      'the trunk leaning forward from the hips with the hands on the floor in front')
def adductor(p):
    p.floor(20, 380)
    f = p.fig('front', 1)
    f.spine((200, FLOOR - 22), -90, -90, -90, fs=0.8)
    f.leg('r', 164, 166, -100, fs=(1, 1, 0.6))
    f.leg('l', 16, 14, -80, fs=(1, 1, 0.6))
    f.arm('r', to=(172, FLOOR - 6), bend=1, hand=100)
    f.arm('l', to=(228, FLOOR - 6), bend=-1, hand=80)
    f.tint('body', 'hip_r', 'knee_r', 0.2, 0.95, (6, 5), off=3)
    f.tint('body', 'hip_l', 'knee_l', 0.2, 0.95, (6, 5), off=-3)
    hd = f.j['head']
    p.arrow([(hd[0] + 30, hd[1] - 20), (hd[0] + 34, hd[1] + 12)])


@pose('open-book-stretch', 'Open-book stretch, seen from above: lying on the left side on a mat, head on a cushion, '
      'hips and knees bent at a right angle; the left arm straight out in front, the right arm opened up and back '
      'to the floor behind like the cover of a book, the head turned to follow it')
def open_book(p):
    p.shape('M46 40 H354 Q362 40 362 48 V252 Q362 260 354 260 H46 Q38 260 38 252 V48 Q38 40 46 40 Z')
    f = p.fig('side', 1)
    f.spine((250, 150), 180, 180, 180, face=150)
    hd = f.j['head']
    p.shape('M%s %s h30 q8 0 8 8 v28 q0 8 -8 8 h-30 q-8 0 -8 -8 v-28 q0 -8 8 -8 Z'
            % (fmt(hd[0] - 15), fmt(hd[1] - 22)))
    f.leg('r', -88, 2, -60)
    f.leg('l', -84, 6, -56)
    f.arm('l', -92, -92, -92)
    f.arm('r', 100, 100, 100)
    f.tint('body', 'waist', 'chest', 0.35, 1.05, (7, 8), off=-9)
    f.tint('arm_r', 'shoulder_r', 'elbow_r', -0.1, 0.45, (8, 7))
    s = f.j['shoulder_r']
    p.arc_arrow(s, 62, -104, -256, ry=84)


@pose('behind-back-shoulder-stretch', 'Arm-behind-the-back shoulder stretch, seen from behind: standing, the back of '
      'the right hand against the lower back, the left hand holding the right wrist and drawing it across towards '
      'the left hip')
def behind_back_shoulder(p):
    f = p.fig('front', -1)
    standing_front(p, f)
    lb = lerp(f.j['waist'], f.j['pelvis'], 0.55)
    wr = (lb[0] + 4, lb[1])
    f.arm('r', to=wr, bend=-1, hand=186)
    f.arm('l', to=(wr[0] + 10, wr[1] - 1), bend=1, hand=10, grip=True)
    f.order('body', 'arm_r', 'arm_l')
    f.tint('body', 'chest', 'shoulder_r', 0.25, 1.05, (6, 8), off=-3)
    f.tint('arm_r', 'shoulder_r', 'elbow_r', -0.05, 0.35, (8, 7))
    p.arrow([(wr[0] + 14, wr[1] + 28), (wr[0] - 36, wr[1] + 28)])


@pose('neck-shoulder-self-massage', 'Neck and shoulder self-massage, seen from behind: standing, the fingertips of '
      'both hands reach over the shoulders and press into the muscle where the neck meets the top of the shoulders')
def neck_shoulder_massage(p):
    f = p.fig('front', -1)
    standing_front(p, f)
    c = f.j['chest']
    for side, sign, upper in (('r', 1, 62), ('l', -1, 118)):
        tip = (c[0] + 13 * sign, c[1] + 12)
        wrist = add(tip, vec(-90, LEN['hand']))
        f.arm_to(side, upper, 0.55, wrist, hand=90)
        f.detach_hand(side)
    f.order('arm_r', 'arm_l', 'body', 'hand_r', 'hand_l')
    f.tint('body', 'chest', 'shoulder_r', 0.0, 1.0, (6, 7), off=-2)
    f.tint('body', 'chest', 'shoulder_l', 0.0, 1.0, (6, 7), off=2)
    for x in (c[0] - 44, c[0] + 44):
        p.arrow([(x, c[1] - 30), (x, c[1] - 10)])


@pose('suboccipital-ball-release', 'Suboccipital ball release: lying on the back with the knees bent, two balls in a '
      'sock under the base of the skull, the head resting its weight on them')
def suboccipital_ball(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    supine(p, f, 240, neck=-172)
    hd = f.j['head']
    p.ball((hd[0] + 9, MAT - 8), 8)
    f.leg('l', to=(322, FOOT_Y - 1))
    f.leg('r', to=(318, FOOT_Y))
    f.arm('l', 6, 2, 2)
    f.arm('r', 8, 0, 0)
    f.tint('body', 'chest', 'head', 0.35, 0.7, (6, 5), off=6)
    p.arc_arrow(hd, 32, -100, -40, both=True)


@pose('wall-ball-upper-back', 'Wall-ball release for the upper back: standing with the back to a wall, feet a step '
      'away, knees slightly bent, a ball between the wall and the upper back beside the spine')
def wall_ball_upper_back(p):
    p.floor(60, 330)
    p.wall(118, side=-1)
    f = p.fig('side', 1)
    f.spine((156, STAND_P + 10), -102, -100, -92)
    c = f.j['chest']
    ball = (127, c[1] + 12)
    f.leg('r', to=(190, FOOT_Y))
    f.leg('l', to=(186, FOOT_Y - 1))
    f.arm('l', 40, -150, -160, fs=(0.8, 0.6, 1), across=True)
    f.arm('r', 44, -146, -156, fs=(0.8, 0.6, 1), across=True)
    f.tint('body', 'waist', 'chest', 0.45, 1.05, (6, 7), off=8)
    p.ball(ball, 9)
    p.arrow([(c[0] + 58, c[1] - 6), (c[0] + 58, c[1] + 40)], both=True)


@pose('wall-ball-infraspinatus', 'Wall-ball release for the infraspinatus, seen from behind: standing side-on to a '
      'wall, a ball between the wall and the flat of the right shoulder blade')
def wall_ball_infraspinatus(p):
    f = p.fig('front', -1)
    p.floor(90, 330)
    p.wall(262, side=1)
    f.spine((214, STAND_P + 4), -84, -78, -84, turn=0.8)
    for side, x in (('r', 222), ('l', 202)):
        hip = f.j['hip_' + side]
        a = ang(hip, (x, FOOT_Y + 1))
        f.leg(side, a, a, 90, fs=(1, 1, 0.3))
    f.arm('r', 96, 94, 94, fs=(0.9, 0.9, 1))
    f.arm('l', 96, 88, 88)
    f.order('arm_r', 'body', 'arm_l')
    s = f.j['shoulder_r']
    c = f.j['chest']
    blade = add(lerp(c, s, 0.6), (0, 20))
    f.tint('body', blade, add(blade, (2, 20)), 0, 1, (9, 7))
    p.ball((254, blade[1] + 4), 8)
    p.arrow([(286, blade[1] - 22), (286, blade[1] + 30)], both=True)


@pose('foam-roller-thoracic', 'Foam roller for the upper back: lying back over a roller across the middle of the '
      'back, hands supporting the head, hips slightly lifted, feet flat')
def foam_roller_thoracic(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    f.spine((236, MAT - 30), 188, 176, 174)
    w, c = f.j['waist'], f.j['chest']
    mid = lerp(w, c, 0.45)
    p.roller((mid[0], MAT - 15), 15)
    f.leg('l', to=(316, FOOT_Y - 1))
    f.leg('r', to=(312, FOOT_Y))
    hd = f.j['head']
    f.arm('l', to=(hd[0] + 4, hd[1] + 8), hand=200)
    f.arm('r', to=(hd[0] + 8, hd[1] + 10), hand=200)
    f.tint('body', 'waist', 'chest', 0.0, 1.0, (7, 7), off=7)
    p.arrow([(mid[0] - 32, mid[1] - 62), (mid[0] + 32, mid[1] - 62)], both=True)


@pose('foam-roller-lats', 'Foam roller for the latissimus dorsi: lying on the side on a roller just below the '
      'armpit, the lower arm stretched overhead, the top foot on the floor in front')
def foam_roller_lats(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('front', 1)
    f.spine((250, MAT - 18), 190, 197, 184)
    s = f.j['shoulder_r']
    p.roller((s[0] + 28, MAT - 15), 15, front=True)
    f.arm('r', 192, 182, 180)
    f.arm('l', 16, 6, 6)
    f.leg('r', 2, 0, 0, fs=(1, 1, 0.5))
    f.leg('l', -3, 1, 0, fs=(1, 1, 0.5))
    f.order('arm_r', 'body', 'arm_l')
    f.tint('body', 'waist', 'chest', 0.2, 1.1, (6, 7), off=14)
    c = f.j['chest']
    p.arrow([(c[0] - 10, c[1] - 48), (c[0] + 50, c[1] - 48)], both=True)


@pose('ball-glute-release', 'Ball release for the buttock: sitting on the floor leaning back on the hands, knees '
      'bent, a ball under one buttock')
def ball_glute(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    f.spine((176, MAT - 24), -118, -112, -96)
    s = f.j['shoulder_r']
    f.arm('l', to=(s[0] - 25, MAT - 9), hand=200)
    f.arm('r', to=(s[0] - 22, MAT - 7), hand=200)
    f.leg('l', to=(262, FOOT_Y - 1))
    f.leg('r', to=(258, FOOT_Y))
    p.ball((176, MAT - 8), 8)
    f.tint('body', 'pelvis', 'waist', -0.25, 0.25, (13, 11), off=4)


@pose('ql-ball-release', 'Ball release for the quadratus lumborum: lying on the back with the knees bent, a ball '
      'under the waist just above the rim of the pelvis, to one side of the spine')
def ql_ball(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    supine(p, f, 244, y=LIE_P - 6, lumbar=176, thorax=184)
    w = f.j['waist']
    p.ball((w[0] + 12, MAT - 8), 8)
    f.leg('l', to=(322, FOOT_Y - 1))
    f.leg('r', to=(318, FOOT_Y))
    f.arm('l', 8, 2, 2)
    f.arm('r', 10, 0, 0)
    f.tint('body', 'pelvis', 'waist', 0.2, 1.1, (7, 7), off=6)
    p.arrow([(w[0] + 12, w[1] - 46), (w[0] + 12, w[1] - 22)])


@pose('massage-cane-upper-back', 'Massage cane for the upper back: sitting on a chair, the cane hooked over the '
      'shoulder so its knob rests on the upper back; both hands pull the lower end forward and down')
def massage_cane(p):
    p.floor(60, 340)
    p.chair_side(206, 140, seat=SEAT)
    f = p.fig('side', 1)
    f.spine((160, SIT_P), -92, -90, -88)
    f.leg('l', to=(230, FOOT_Y - 1))
    f.leg('r', to=(226, FOOT_Y))
    s, c = f.j['shoulder_r'], f.j['chest']
    knob = (c[0] - 18, c[1] + 20)
    top = (c[0] - 1, c[1] - 5)
    grip1 = (c[0] + 36, c[1] + 20)
    grip2 = (c[0] + 50, c[1] + 74)
    cane = [knob, (knob[0] - 4, knob[1] - 12), (top[0] - 12, top[1] - 1), top, (top[0] + 14, top[1] + 5),
            (grip1[0] - 4, grip1[1] - 24), grip1, grip2]
    p.back.append('<circle cx="%s" cy="%s" r="6" fill="#c64600" stroke="%s" stroke-width="2"/>'
                  % (fmt(knob[0]), fmt(knob[1]), INK))
    p.strap(smooth_open(cane), front=True, colour='#986a44', width=3.5)
    f.arm('r', to=(grip1[0] - 4, grip1[1] + 2), hand=10, grip=True)
    f.arm('l', to=(grip2[0] - 5, grip2[1] - 2), hand=10, grip=True)
    f.tint('body', 'waist', 'chest', 0.6, 1.1, (6, 7), off=8)
    p.arrow([(grip2[0] + 8, grip2[1] - 4), (grip2[0] + 30, grip2[1] + 10)])


@pose('foam-roller-hamstrings', 'Foam roller for the hamstrings: sitting with the legs straight on a roller under '
      'the thighs, hands on the floor behind, hips lifted')
def foam_roller_hamstrings(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    f.spine((156, MAT - 40), -140, -140, -112)
    s = f.j['shoulder_r']
    f.arm('l', to=(s[0] - 26, MAT - 6), hand=200)
    f.arm('r', to=(s[0] - 22, MAT - 5), hand=200)
    f.leg('l', 8, 9, -80)
    f.leg('r', 7, 8, -80)
    t = lerp(f.j['hip_r'], f.j['knee_r'], 0.62)
    p.roller((t[0], MAT - 15), 15)
    f.tint('body', 'hip_r', 'knee_r', 0.15, 0.95, (6, 5), off=-4)
    p.arrow([(t[0] - 30, t[1] - 36), (t[0] + 30, t[1] - 36)], both=True)


@pose('lumbar-knuckle-self-massage', 'Knuckle self-massage for the lower back, seen from behind: standing, loose fists '
      'pressing into the muscles either side of the lower spine')
def lumbar_knuckle(p):
    f = p.fig('front', -1)
    standing_front(p, f)
    w = f.j['waist']
    f.arm('r', to=(w[0] + 11, w[1] + 2), bend=-1, hand=200, grip=True)
    f.arm('l', to=(w[0] - 11, w[1] + 2), bend=1, hand=-20, grip=True)
    f.tint('body', (w[0] - 8, w[1] - 12), (w[0] - 8, w[1] + 26), 0, 1, (5, 5))
    f.tint('body', (w[0] + 8, w[1] - 12), (w[0] + 8, w[1] + 26), 0, 1, (5, 5))
    for x in (w[0] - 64, w[0] + 64):
        p.arrow([(x, w[1] - 14), (x, w[1] + 26)])


def pillow(p, f):
    """A low pillow under the head of a person lying on the back (side view)."""
    hd = f.j['head']
    top = hd[1] + HEAD_R - 2
    p.shape('M%s %s H%s Q%s %s %s %s V%s H%s V%s Q%s %s %s %s Z'
            % (fmt(hd[0] - 18), fmt(top), fmt(hd[0] + 18), fmt(hd[0] + 26), fmt(top), fmt(hd[0] + 26), fmt(top + 5),
               fmt(MAT), fmt(hd[0] - 26), fmt(top + 5), fmt(hd[0] - 26), fmt(top), fmt(hd[0] - 18), fmt(top)))


def supine_knees_bent(p, f, px=236, neck=-166):
    p.floor(20, 380, mat=(40, 360))
    supine(p, f, px, neck=neck)
    pillow(p, f)
    f.leg('l', to=(px + 80, FOOT_Y - 1))
    f.leg('r', to=(px + 76, FOOT_Y))


@pose('iliopsoas-self-release', 'Self-release for the psoas and iliacus: lying on the back with the knees bent and '
      'a pillow under the head, the fingertips of both hands sinking slowly into the lower belly beside the navel, '
      'towards the spine')
def iliopsoas_release(p):
    f = p.fig('side', 1)
    supine_knees_bent(p, f)
    P, Wst = f.j['pelvis'], f.j['waist']
    tips = [add(lerp(P, Wst, 0.45), (-3, -8)), add(lerp(P, Wst, 0.3), (0, -8))]
    f.arm('l', to=add(tips[0], vec(-105, LEN['hand'])), hand=75, fs=(0.75, 0.9, 1), across=True)
    f.arm('r', to=add(tips[1], vec(-100, LEN['hand'])), hand=80, fs=(0.75, 0.9, 1), across=True)
    f.tint('body', lerp(Wst, P, -0.1), P, 0, 1, (6, 7), off=3)
    f.tint('leg_r', 'hip_r', 'knee_r', 0.0, 0.3, (8, 7), off=2)
    x = tips[1][0] + 22
    p.arrow([(x, tips[1][1] - 34), (x, tips[1][1] - 12)])


@pose('abdominal-wall-self-massage', 'Abdominal wall self-massage: lying on the back with the knees bent and a '
      'pillow under the head, the flat fingertips of both hands pressing into the belly muscles, working from the '
      'lower ribs down towards the pubic bone')
def abdominal_wall(p):
    f = p.fig('side', 1)
    supine_knees_bent(p, f)
    P, Wst, C = f.j['pelvis'], f.j['waist'], f.j['chest']
    tips = [add(lerp(Wst, C, 0.3), (6, -16)), add(lerp(P, Wst, 0.6), (6, -15))]
    f.arm('l', to=add(tips[0], vec(-160, LEN['hand'])), hand=22, fs=(0.75, 0.9, 1), across=True)
    f.arm('r', to=add(tips[1], vec(-160, LEN['hand'])), hand=22, fs=(0.75, 0.9, 1), across=True)
    f.tint('body', P, lerp(Wst, C, 0.55), 0, 1, (8, 8), off=-7)
    y = Wst[1] - 46
    p.arrow([(lerp(Wst, C, 0.4)[0], y), (P[0] + 4, y)])


@pose('chest-armpit-self-massage', 'Chest self-massage with a ball: standing facing a wall, knees slightly bent, a '
      'ball between the wall and the chest just below the outer collarbone, leaning in gently')
def chest_armpit(p):
    p.floor(60, 340)
    f = p.fig('side', 1)
    f.spine((214, STAND_P + 8), -78, -74, -92, face=24)
    f.leg('r', to=(200, FOOT_Y))
    f.leg('l', to=(196, FOOT_Y - 1))
    Wst, C = f.j['waist'], f.j['chest']
    front = add(lerp(Wst, C, 0.62), vec(-74 + 90, SIDE_TORSO[2]))
    r = 9.0
    ball = (front[0] + r - 1, front[1])
    wall = ball[0] + r
    p.wall(wall, side=1)
    p.ball(ball, r)
    f.arm('r', 104, 96, 96)
    f.arm('l', 98, 90, 90)
    f.tint('body', Wst, C, 0.5, 0.95, (6, 7), off=-10)
    f.tint('arm_r', 'shoulder_r', 'elbow_r', -0.1, 0.25, (8, 7), off=-2)
    x = C[0] - 58
    p.arrow([(x, C[1] - 6), (x, C[1] + 40)], both=True)


@pose('front-neck-self-massage', 'Self-massage for the front and side of the neck: sitting upright facing the viewer, '
      'the head tipped and turned a little to the right, the right thumb and fingers gently lifting the strap '
      'muscle at the side of the neck, which runs from behind the ear to the top of the breastbone')
def front_neck(p):
    f = p.fig('front', 1)
    thigh = 0.45 * LEN['thigh']
    py = FOOT_Y - LEN['shin'] - thigh * math.sin(d2r(62)) + 3
    p.floor(90, 310)
    p.stool(200, py + 13, half=36, front=False)
    f.spine((200, py), -90, -90, -100, face=168)
    f.leg('r', 118, 90, 90, fs=(0.45, 1, 0.3))
    f.leg('l', 62, 90, 90, fs=(0.45, 1, 0.3))
    hd, c = f.j['head'], f.j['chest']
    ear = add(hd, (-8, 12))
    sternum = add(c, (-3, 8))
    pinch = lerp(ear, sternum, 0.5)
    f.arm_to('r', 112, 0.55, add(pinch, vec(115, LEN['hand'] - 2)), hand=-65)
    f.arm('l', 92, 88, 88)
    f.tint('body', ear, sternum, 0, 1, (4.5, 5.5))
    p.arrow([add(pinch, (-44, -22)), add(pinch, (-30, 8))], both=True)


@pose('foam-roller-front-thigh', 'Foam roller for the front of the thigh: lying face down propped on the forearms, '
      'the body straight, a foam roller under the front of the thighs, rolling between the knee and the hip')
def foam_roller_front_thigh(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', -1)
    r = 15.0
    hip_y = MAT - 2 * r - 10
    f.spine((214, hip_y), 182, 194, 200, face=125)
    s = f.j['shoulder_l']
    for side, y in (('l', MAT - 6), ('r', MAT - 7)):
        up = 180 - math.degrees(math.asin(min(1.0, (y - s[1]) / LEN['upper'])))
        f.arm(side, up, 180, 180)
    roll = (214 + 30, MAT - r)
    f.leg('r', 5, 3, 30)
    f.leg('l', 6, 4, 32)
    p.roller(roll, r, front=False)
    f.tint('leg_l', 'hip_l', 'knee_l', 0.05, 0.95, (7, 6), off=-4)
    p.arrow([(roll[0] - 34, hip_y - 40), (roll[0] + 34, hip_y - 40)], both=True)


@pose('peanut-ball-spine', 'Double-ball release beside the spine: lying on the back with the knees bent, hands '
      'behind the head and hips slightly lifted, two balls side by side under the back at the level of the lower '
      'shoulder blades, one either side of the spine')
def peanut_ball(p):
    p.floor(20, 380, mat=(40, 360))
    f = p.fig('side', 1)
    f.spine((236, MAT - 26), 184, 178, 174)
    Wst, C = f.j['waist'], f.j['chest']
    mid = lerp(Wst, C, 0.55)
    r = 9.0
    p.ball((mid[0] - 8, MAT - r - 2), r, front=False)
    p.ball((mid[0] + 2, MAT - r), r)
    f.leg('l', to=(316, FOOT_Y - 1))
    f.leg('r', to=(312, FOOT_Y))
    hd = f.j['head']
    f.arm('l', to=(hd[0] - 2, hd[1] + 4), hand=170)
    f.arm('r', to=(hd[0] + 1, hd[1] + 6), hand=170)
    f.order('arm_l', 'leg_l', 'arm_r', 'body')        # the hands cradle the back of the head, elbows up
    f.tint('body', 'waist', 'chest', 0.1, 0.95, (5, 6), off=9)
    p.arrow([(mid[0] - 32, mid[1] - 58), (mid[0] + 32, mid[1] - 58)], both=True)


if __name__ == '__main__':
    sys.exit(main())
