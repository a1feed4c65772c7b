#!/usr/bin/python3
# Walks a running Dorsum's AT-SPI tree (what Orca reads) and lists every control a screen
# reader cannot name. Run the app with GTK_A11Y=atspi on a session bus with the AT-SPI bus
# (see docs/accessibility.md); needs python3-pyatspi.
import pyatspi, sys, time
CONTROLS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
            pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
            pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_IMAGE, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK}
def find_app():
    desk = pyatspi.Registry.getDesktop(0)
    for i in range(desk.childCount):
        a = desk.getChildAtIndex(i)
        if a is not None and a.name and 'dorsum' in a.name.lower():
            return a
bad = []; n = 0
def walk(acc, depth=0):
    global n
    try:
        st = acc.getState()
        if not st.contains(pyatspi.STATE_VISIBLE):
            return
        role = acc.getRole()
        if role in CONTROLS:
            n += 1
            name = acc.name or ''
            if not name.strip() or name.startswith('Gtk') or '_' in name:
                path = []
                a = acc
                while a is not None and len(path) < 6:
                    path.append('%s:%r' % (a.getRoleName(), (a.name or '')[:30]))
                    a = a.parent
                kids = [acc.getChildAtIndex(i) for i in range(min(acc.childCount, 3))]
                bad.append((acc.getRoleName(), repr(name), ' < '.join(path[1:]), 'kids:', [ (k.getRoleName(), k.name) for k in kids if k]))
        for i in range(acc.childCount):
            walk(acc.getChildAtIndex(i), depth + 1)
    except Exception as e:
        pass
for _ in range(30):
    app = find_app()
    if app: break
    time.sleep(0.5)
if not app:
    print("no app"); sys.exit(1)
for i in range(app.childCount):
    walk(app.getChildAtIndex(i))
print("controls checked:", n)
for b in bad: print("UNNAMED:", *b)
