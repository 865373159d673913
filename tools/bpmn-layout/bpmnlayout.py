"""A small layout engine that writes BPMN 2.0 XML the way bpmn-js does (camunda moddle), with a full diagram.

A process is described in terms of lanes, rows and columns; this module places the shapes on that grid,
routes every sequence flow orthogonally around all other shapes (Dijkstra over a grid of free corridors),
places labels, and writes the XML. The workflow files themselves are described in insats_livscykel.py and
budgetprocess.py next to this file; run generate.py to rewrite workflows/*.bpmn.
"""

import heapq
from xml.sax.saxutils import escape

TASK_W, TASK_H = 100, 80
GATEWAY = 50
EVENT = 36
GAP = 60                 # horizontal free corridor between columns
LANE_HEADER = 30         # the vertical band with the lane's name
POOL_HEADER = 30         # the vertical band with the participant's name
ROW_Y = [75, 205, 300]   # row centres relative to the lane top: main flow, escalation tasks, escalation ends
LANE_H = {1: 170, 2: 270, 3: 340}  # lane height by number of rows used
MARGIN = 8               # clearance an edge keeps from shapes it passes
BEND = 45                # cost of one bend, in pixels of length

# The condition after a rule gate. The engine stores {passed, output, evaluationId} in the result variable
# (BusinessRuleTaskBehaviour); passed is the regelverk's uppfylld. "== true" because the engine's deploy-time check
# types unknown variables as object and refuses a bare member access on one (see workflows/README.md, "Rule gates").
RULE_PASSED = "${%s.passed == true}"


def q(value):
    """Attribute value escaping."""
    return escape(str(value), {'"': "&quot;"})


class Node:
    def __init__(self, kind, key, name, lane, col, row=0, **kw):
        self.kind, self.key, self.name, self.lane, self.col, self.row = kind, key, name, lane, col, row
        self.attrs = kw.pop("attrs", {})
        self.props = kw.pop("props", {})
        self.doc = kw.pop("doc", None)
        self.timer = kw.pop("timer", None)          # (timeDate|timeDuration|timeCycle, value)
        self.loop = kw.pop("loop", None)            # (collection, elementVariable, sequential)
        self.attached = kw.pop("attached", None)    # host Node for boundary events
        self.offset = kw.pop("offset", 0.5)         # where on the host's bottom edge (0..1)
        self.cancel = kw.pop("cancel", True)
        self.default = None
        self.incoming, self.outgoing = [], []
        assert not kw, kw
        prefix = {"startEvent": "Event", "endEvent": "Event", "intermediateCatchEvent": "Event", "boundaryEvent": "Event",
                  "exclusiveGateway": "Gateway", "parallelGateway": "Gateway", "eventBasedGateway": "Gateway",
                  "inclusiveGateway": "Gateway"}.get(kind, "Activity")
        self.id = f"{prefix}_{key}"

    @property
    def size(self):
        if self.kind.endswith("Gateway"):
            return GATEWAY, GATEWAY
        if self.kind.endswith("Event"):
            return EVENT, EVENT
        return TASK_W, TASK_H

    @property
    def is_event(self):
        return self.kind.endswith("Event")

    @property
    def is_gateway(self):
        return self.kind.endswith("Gateway")


class Flow:
    def __init__(self, source, target, name=None, condition=None, key=None):
        self.source, self.target, self.name, self.condition = source, target, name, condition
        self.id = "Flow_" + (key or f"{source.key}_{target.key}")
        self.points = []
        self.label = None


class Process:
    def __init__(self, key, name, participant, lanes, documentation=None):
        self.key, self.name, self.participant = key, name, participant
        self.lanes = lanes  # [(key, name, rows)]
        self.documentation = documentation
        self.nodes, self.flows, self.messages = [], [], []

    # ---- building ----

    def add(self, kind, key, name, lane, col, row=0, **kw):
        node = Node(kind, key, name, lane, col, row, **kw)
        assert all(n.id != node.id for n in self.nodes), node.id
        self.nodes.append(node)
        return node

    def flow(self, source, target, name=None, condition=None, default=False, key=None):
        f = Flow(source, target, name, condition, key)
        while any(g.id == f.id for g in self.flows):
            f.id += "_2"
        source.outgoing.append(f)
        target.incoming.append(f)
        self.flows.append(f)
        if default:
            assert source.kind in ("exclusiveGateway", "inclusiveGateway"), source.id
            source.default = f
        return f

    def chain(self, *nodes):
        for a, b in zip(nodes, nodes[1:]):
            self.flow(a, b)
        return nodes[-1]

    # ---- geometry ----

    def layout(self):
        cols = sorted({n.col for n in self.nodes if n.kind != "boundaryEvent"})
        widths = {c: max(n.size[0] for n in self.nodes if n.col == c and n.kind != "boundaryEvent") for c in cols}
        x = POOL_HEADER + LANE_HEADER + 40 + 160
        self.col_x, self.gaps = {}, []
        previous = None
        for c in cols:
            if previous is not None:
                x += GAP
                self.gaps.append(x - GAP / 2)
            self.col_x[c] = x + widths[c] / 2
            x += widths[c]
            previous = c
        self.pool_x = 160
        self.pool_w = x + 60 - self.pool_x
        y = 80
        self.lane_y = {}
        for key, _, rows in self.lanes:
            self.lane_y[key] = (y, LANE_H[rows])
            y += LANE_H[rows]
        self.pool_y, self.pool_h = 80, y - 80
        self.bounds = {}
        for n in self.nodes:
            if n.kind == "boundaryEvent":
                continue
            w, h = n.size
            cx = self.col_x[n.col]
            cy = self.lane_y[n.lane][0] + ROW_Y[n.row]
            self.bounds[n.id] = (round(cx - w / 2), round(cy - h / 2), w, h)
        for n in self.nodes:
            if n.kind == "boundaryEvent":
                hx, hy, hw, hh = self.bounds[n.attached.id]
                cx = hx + hw * n.offset
                self.bounds[n.id] = (round(cx - EVENT / 2), round(hy + hh - EVENT / 2), EVENT, EVENT)
        self.check_shapes()
        used = {}
        self.port_use = {}
        for f in self.flows:
            f.points = self.route(f, used)
            self.mark(f, used)
            self.port_use.setdefault((f.source.id, f.points[0]), "out")
            self.port_use.setdefault((f.target.id, f.points[-1]), "in")
        self.placed = []
        # boundary events have the fewest good places, so they choose first
        for n in sorted(self.nodes, key=lambda n: n.kind != "boundaryEvent"):
            n.label = self.place(self.node_labels(n), n.id)
        for f in self.flows:
            f.label = self.place(self.flow_labels(f), f.id)

    def place(self, candidates, owner):
        """The first candidate label box that collides with the least (shapes, other labels, flows)."""
        if not candidates:
            return None
        def score(box):
            hits = 10 * sum(1 for nid, r in self.bounds.items() if nid != owner and overlap(box, r))
            hits += 5 * sum(1 for other in self.placed if overlap(box, other))
            hits += 2 * sum(1 for f in self.flows if f.id != owner and any(crosses(a, b, box) for a, b in zip(f.points, f.points[1:])))
            return hits
        best = min(candidates, key=score)  # min keeps the first of equals: candidates are in order of preference
        self.placed.append(best)
        return best

    def check_shapes(self):
        items = list(self.bounds.items())
        by_id = {n.id: n for n in self.nodes}
        for i, (a, ra) in enumerate(items):
            for b, rb in items[i + 1:]:
                na, nb = by_id[a], by_id[b]
                if (na.attached is nb) or (nb.attached is na):
                    continue
                if overlap(ra, rb):
                    raise SystemExit(f"{self.key}: {a} and {b} overlap")

    def route(self, f, used):
        s, t = f.source, f.target
        sb, tb = self.bounds[s.id], self.bounds[t.id]
        obstacles = [(nid, inflate(r, MARGIN)) for nid, r in self.bounds.items() if nid not in (s.id, t.id)]
        own = [inflate(sb, MARGIN), inflate(tb, MARGIN)]
        xs, ys = set(self.gaps), set()
        for c in self.col_x.values():
            xs.add(c)
        for key, (ly, lh) in self.lane_y.items():
            ys.update({ly + 18, ly + lh - 18, ly + ROW_Y[0], ly + 142, ly + 250})
        for (bx, by, bw, bh) in (sb, tb):
            xs.update({bx + bw / 2, bx - 20, bx + bw + 20})
            ys.update({by + bh / 2, by - 20, by + bh + 20})
        # distinct branches leave by distinct ports; flows that merge may share the port they arrive at
        reuse = lambda nid, p, way: 0 if self.port_use.get((nid, p)) in (None, way == "in" and "in") else 150
        starts = [(p, d, cost + reuse(s.id, p, "out")) for p, d, cost in ports(s, sb, outgoing=True)]
        ends = {p: (d, cost + reuse(t.id, p, "in")) for p, d, cost in ports(t, tb, outgoing=False)}
        for (px, py), _, _ in starts:
            xs.add(px); ys.add(py)
        for (px, py) in ends:
            xs.add(px); ys.add(py)
        xs, ys = sorted(xs), sorted(ys)
        xi = {v: i for i, v in enumerate(xs)}
        yi = {v: i for i, v in enumerate(ys)}

        def free(a, b, first, last):
            for nid, r in obstacles:
                if crosses(a, b, r):
                    return False
            if not first and crosses(a, b, own[0]):
                return False
            if not last and crosses(a, b, own[1]):
                return False
            return True

        dirs = [(1, 0), (-1, 0), (0, 1), (0, -1)]
        heap, best = [], {}
        for (px, py), d, cost in starts:
            state = (xi[px], yi[py], d, True)
            heapq.heappush(heap, (cost, state, [(px, py)]))
        while heap:
            cost, (i, j, d, first), path = heapq.heappop(heap)
            here = (xs[i], ys[j])
            if here in ends and ends[here][0] == d and len(path) > 1:
                return simplify(path)
            if best.get((i, j, d, first), 1e18) <= cost:
                continue
            best[(i, j, d, first)] = cost
            for nd in range(4):
                dx, dy = dirs[nd]
                if (dx, dy) == (-dirs[d][0], -dirs[d][1]):
                    continue
                if first and nd != d:
                    continue  # leave the source perpendicular to its side
                ni, nj = i + dx, j + dy
                if not (0 <= ni < len(xs) and 0 <= nj < len(ys)):
                    continue
                there = (xs[ni], ys[nj])
                last = there in ends
                if not free(here, there, first, last):
                    continue
                step = abs(there[0] - here[0]) + abs(there[1] - here[1])
                seg = (min(here, there), max(here, there))
                extra = 25 if seg in used and used[seg] != f.id else 0
                still_first = first and inside(there, own[0])
                arrive = ends[there][1] if last and ends[there][0] == nd else 0
                heapq.heappush(heap, (cost + step + (BEND if nd != d else 0) + extra + arrive,
                                      (ni, nj, nd, still_first), path + [there]))
        raise SystemExit(f"{self.key}: no route for {f.id} ({s.id} -> {t.id})")

    def mark(self, f, used):
        for a, b in zip(f.points, f.points[1:]):
            used[(min(a, b), max(a, b))] = f.id

    def node_labels(self, n):
        if not n.name or not (n.is_event or n.is_gateway):
            return []
        x, y, w, h = self.bounds[n.id]
        lines = wrap(n.name, 14 if n.kind.endswith("Event") and n.kind != "boundaryEvent" else 12)
        lw = max(len(line) for line in lines) * 6 + 6
        lh = 14 * len(lines)
        cx = x + w / 2
        if n.kind == "boundaryEvent":   # beside the event, away from the flow that drops from it
            side = [(x - lw - 2, y + h - lh, lw, lh), (x + w + 2, y + h - lh, lw, lh)]
            return side if n.offset < 0.5 else side[::-1]
        below, above = (cx - lw / 2, y + h + 5, lw, lh), (cx - lw / 2, y - lh - 5, lw, lh)
        below_left, below_right = (cx - lw - 4, y + h + 2, lw, lh), (cx + 4, y + h + 2, lw, lh)
        above_left, above_right = (cx - lw - 4, y - lh - 2, lw, lh), (cx + 4, y - lh - 2, lw, lh)
        if n.is_gateway:
            return [below_left, below_right, above_left, above_right, below, above]
        return [below, above, below_left, below_right, above_left, above_right]

    def flow_labels(self, f):
        if not f.name:
            return []
        (ax, ay), (bx, by) = f.points[0], f.points[1]
        lw, lh = len(f.name) * 6 + 8, 14
        if ay == by:   # leaves horizontally: above or below the line
            x = ax + 6 if bx > ax else ax - 6 - lw
            return [(x, ay - lh - 3, lw, lh), (x, ay + 3, lw, lh)]
        y = ay + 4 if by > ay else ay - lh - 4
        return [(ax + 5, y, lw, lh), (ax - 5 - lw, y, lw, lh)]

    # ---- XML ----

    def xml(self):
        self.layout()
        out = []
        w = out.append
        w('<?xml version="1.0" encoding="UTF-8"?>')
        w('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
          'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
          'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          f'id="Definitions_{self.key}" targetNamespace="http://bpmn.io/schema/bpmn" '
          'exporter="InsatsFlow tools/bpmn-layout" exporterVersion="1.0">')
        w(f'  <bpmn:collaboration id="Collaboration_{self.key.replace("-", "_")}">')
        w(f'    <bpmn:participant id="Participant_{self.key.replace("-", "_")}" name="{q(self.participant)}" processRef="{self.key}" />')
        w('  </bpmn:collaboration>')
        w(f'  <bpmn:process id="{self.key}" name="{q(self.name)}" isExecutable="true">')
        if self.documentation:
            w(f'    <bpmn:documentation>{escape(self.documentation)}</bpmn:documentation>')
        w(f'    <bpmn:laneSet id="LaneSet_{self.key.replace("-", "_")}">')
        for key, name, _ in self.lanes:
            w(f'      <bpmn:lane id="Lane_{key}" name="{q(name)}">')
            for n in self.nodes:
                if n.lane == key or (n.attached is not None and n.attached.lane == key):
                    w(f'        <bpmn:flowNodeRef>{n.id}</bpmn:flowNodeRef>')
            w('      </bpmn:lane>')
        w('    </bpmn:laneSet>')
        for n in self.nodes:
            self.write_node(n, w)
        for f in self.flows:
            attrs = f'id="{f.id}"' + (f' name="{q(f.name)}"' if f.name else "") + f' sourceRef="{f.source.id}" targetRef="{f.target.id}"'
            if f.condition:
                w(f'    <bpmn:sequenceFlow {attrs}>')
                w(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f.condition)}</bpmn:conditionExpression>')
                w('    </bpmn:sequenceFlow>')
            else:
                w(f'    <bpmn:sequenceFlow {attrs} />')
        w('  </bpmn:process>')
        for m in self.messages:
            w(f'  <bpmn:message id="{m[0]}" name="{q(m[1])}" />')
        plane = f'Collaboration_{self.key.replace("-", "_")}'
        w(f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{self.key.replace("-", "_")}">')
        w(f'    <bpmndi:BPMNPlane id="BPMNPlane_{self.key.replace("-", "_")}" bpmnElement="{plane}">')
        part = f'Participant_{self.key.replace("-", "_")}'
        w(f'      <bpmndi:BPMNShape id="{part}_di" bpmnElement="{part}" isHorizontal="true">')
        w(f'        <dc:Bounds x="{self.pool_x}" y="{self.pool_y}" width="{self.pool_w}" height="{self.pool_h}" />')
        w('        <bpmndi:BPMNLabel />')
        w('      </bpmndi:BPMNShape>')
        for key, _, _ in self.lanes:
            ly, lh = self.lane_y[key]
            w(f'      <bpmndi:BPMNShape id="Lane_{key}_di" bpmnElement="Lane_{key}" isHorizontal="true">')
            w(f'        <dc:Bounds x="{self.pool_x + POOL_HEADER}" y="{ly}" width="{self.pool_w - POOL_HEADER}" height="{lh}" />')
            w('        <bpmndi:BPMNLabel />')
            w('      </bpmndi:BPMNShape>')
        for n in self.nodes:
            x, y, bw, bh = self.bounds[n.id]
            extra = ' isMarkerVisible="true"' if n.kind == "exclusiveGateway" else ""
            w(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{extra}>')
            w(f'        <dc:Bounds x="{x}" y="{y}" width="{bw}" height="{bh}" />')
            if n.label:
                lx, ly, lw, lh = (round(v) for v in n.label)
                w('        <bpmndi:BPMNLabel>')
                w(f'          <dc:Bounds x="{lx}" y="{ly}" width="{lw}" height="{lh}" />')
                w('        </bpmndi:BPMNLabel>')
            w('      </bpmndi:BPMNShape>')
        for f in self.flows:
            w(f'      <bpmndi:BPMNEdge id="{f.id}_di" bpmnElement="{f.id}">')
            for (px, py) in f.points:
                w(f'        <di:waypoint x="{round(px)}" y="{round(py)}" />')
            if f.label:
                lx, ly, lw, lh = (round(v) for v in f.label)
                w('        <bpmndi:BPMNLabel>')
                w(f'          <dc:Bounds x="{lx}" y="{ly}" width="{lw}" height="{lh}" />')
                w('        </bpmndi:BPMNLabel>')
            w('      </bpmndi:BPMNEdge>')
        w('    </bpmndi:BPMNPlane>')
        w('  </bpmndi:BPMNDiagram>')
        w('</bpmn:definitions>')
        return "\n".join(out) + "\n"

    def write_node(self, n, w):
        attrs = f'id="{n.id}"' + (f' name="{q(n.name)}"' if n.name else "")
        if n.kind == "boundaryEvent":
            if not n.cancel:
                attrs += ' cancelActivity="false"'
            attrs += f' attachedToRef="{n.attached.id}"'
        if n.default is not None:
            attrs += f' default="{n.default.id}"'
        for k, v in n.attrs.items():
            attrs += f' {k}="{q(v)}"'
        children = []
        if n.doc:
            children.append(f'<bpmn:documentation>{escape(n.doc)}</bpmn:documentation>')
        if n.props:
            children.append("<bpmn:extensionElements>")
            children.append("  <camunda:properties>")
            for k, v in n.props.items():
                children.append(f'    <camunda:property name="{q(k)}" value="{q(v)}" />')
            children.append("  </camunda:properties>")
            children.append("</bpmn:extensionElements>")
        for f in n.incoming:
            children.append(f"<bpmn:incoming>{f.id}</bpmn:incoming>")
        for f in n.outgoing:
            children.append(f"<bpmn:outgoing>{f.id}</bpmn:outgoing>")
        if n.loop:
            collection, variable, sequential = n.loop
            seq = ' isSequential="true"' if sequential else ""
            children.append(f'<bpmn:multiInstanceLoopCharacteristics{seq} camunda:collection="{q(collection)}" camunda:elementVariable="{q(variable)}" />')
        if n.timer:
            tag, value = n.timer
            children.append(f'<bpmn:timerEventDefinition id="TimerEventDefinition_{n.key}">')
            children.append(f'  <bpmn:{tag} xsi:type="bpmn:tFormalExpression">{escape(value)}</bpmn:{tag}>')
            children.append("</bpmn:timerEventDefinition>")
        if not children:
            w(f"    <bpmn:{n.kind} {attrs} />")
            return
        w(f"    <bpmn:{n.kind} {attrs}>")
        for c in children:
            w("      " + c)
        w(f"    </bpmn:{n.kind}>")


def ports(node, b, outgoing):
    """Docking points: the middle of each side (for a gateway or event, its vertex / compass point); a task also
    docks at the quarter points of its top and bottom, so a flow can drop straight down from a boundary event."""
    x, y, w, h = b
    sides = [((x + w, y + h / 2), 0, 0), ((x, y + h / 2), 1, 0), ((x + w / 2, y + h), 2, 0), ((x + w / 2, y), 3, 0)]
    if not (node.is_event or node.is_gateway):
        sides += [((x + 20, y + h), 2, 5), ((x + w - 20, y + h), 2, 5), ((x + 20, y), 3, 5), ((x + w - 20, y), 3, 5)]
    result = []
    for point, out_dir, extra in sides:
        # outgoing: move away from the side; incoming: arrive moving into it
        d = out_dir if outgoing else {0: 1, 1: 0, 2: 3, 3: 2}[out_dir]
        if outgoing:
            cost = {0: 0, 1: 60, 2: 10, 3: 10}[out_dir]
        else:
            cost = {0: 60, 1: 0, 2: 10, 3: 10}[out_dir]
        if node.kind == "boundaryEvent" and outgoing and out_dir != 2:
            continue
        result.append((point, d, cost + extra))
    return result


def inflate(r, m):
    x, y, w, h = r
    return (x - m, y - m, w + 2 * m, h + 2 * m)


def overlap(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def crosses(a, b, r):
    """Does the axis-parallel segment a-b touch the interior of rectangle r?"""
    x, y, w, h = r
    (ax, ay), (bx, by) = a, b
    if ay == by:
        return y < ay < y + h and min(ax, bx) < x + w and max(ax, bx) > x
    return x < ax < x + w and min(ay, by) < y + h and max(ay, by) > y


def inside(p, r):
    x, y, w, h = r
    return x <= p[0] <= x + w and y <= p[1] <= y + h


def simplify(path):
    out = [path[0]]
    for p in path[1:]:
        if len(out) >= 2 and (out[-2][0] == out[-1][0] == p[0] or out[-2][1] == out[-1][1] == p[1]):
            out[-1] = p
        else:
            out.append(p)
    return out


def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def user_task(p, key, name, lane, col, form, group, due, remind, escalate, loop=None, doc=None, props=None,
              labels=("Förfallen", "Försenad"), users=None):
    """A userTask with its due date and the two non-interrupting escalation timers drawn below it:
    at the due date a reminder to whoever holds the task, later a notice to the förbundschef.
    group = candidateGroups (a role, or an expression such as the medlem's group); users = candidateUsers."""
    attrs = {"camunda:formRef": form, "camunda:formRefBinding": "deployment"}
    if users:
        attrs["camunda:candidateUsers"] = users
    if group:
        attrs["camunda:candidateGroups"] = group
    attrs["camunda:dueDate"] = due
    task = p.add("userTask", key, name, lane, col, attrs=attrs, loop=loop, doc=doc, props=props or {})
    for i, (suffix, when, label, recipient, text) in enumerate([
            ("paminnelse", remind, labels[0], "tilldelad", "Påminnelse om uppgiften"),
            ("eskalering", escalate, labels[1], "forbundschef", "Meddela förbundschefen")]):
        boundary = p.add("boundaryEvent", f"{key}_{suffix}", label, lane, col, attached=task,
                         offset=0.2 if i == 0 else 0.8, cancel=False, timer=("timeDate", when))
        send = p.add("sendTask", f"{key}_{suffix}", text, lane, col + i, row=1,
                     attrs={"camunda:type": "notifiering"},
                     props={"mottagare": recipient, "uppgift": task.id, "mall": "paminnelse"})
        end = p.add("endEvent", f"{key}_{suffix}_skickad", "Påmind" if i == 0 else "Eskalerad", lane, col + i, row=2)
        p.chain(boundary, send, end)
    return task
