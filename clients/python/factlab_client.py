"""FACT Lab client: report a PyTorch (or any) training loop to a FACT Lab server, which analyses every checkpoint
as the `inspect` kind does (per layer FACT, sqrt(FACT FACT^T), AGOP, sqrt(AGOP), eNFA, their Pearson/cosine with
W^T W, FACT's relative error, the gradient norm, loss and accuracy on the probe set) and shows the curves live.
A Sequential may start with Conv2d layers (each followed by the activation and optionally MaxPool2d(2)), then
Flatten and Linear layers: the convolutions are probed in patch form, X then holds n images C x H x W.

One file, standard library only (torch and numpy are used when present). Copy it next to your script or put its
folder on sys.path:

    import factlab_client as factlab
    run = factlab.start(url, model=net, data=(X, y), loss="mse", weight_decay=1e-4, name="my mlp")
    for epoch in range(1, E + 1):
        ...train...
        run.log(epoch, {"train/loss": loss})
        run.checkpoint(epoch, net)
    run.finish()            # returns when everything is sent; run.id, run.url

url and token default to the environment variables FACTLAB_URL and FACTLAB_TOKEN (an API token from the lab's
Account page; not needed with login off). Only start() raises: sending happens on a background thread from a copy
of the weights, failed sends (408, 429, 5xx, no connection) are retried with backoff and jitter, other 4xx answers
are reported on stderr and dropped, and what cannot be sent is kept in a spool folder (default
~/.factlab/spool) and sent by finish() or later with `python factlab_client.py sync DIR`.
"""
import io
import json
import os
import queue
import random
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile

__all__ = ["start", "sync", "Run", "FactlabError"]

RETRY_STATUSES = (408, 429, 500, 502, 503, 504)
_QUEUE_SIZE = 16
_STOP = object()


class FactlabError(Exception):
    """Raised by start() only: the model, the data or the lab's answer made the run impossible."""


class _Retryable(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------------
# tensors without numpy


def _flat_float32(value):
    """(shape, little-endian float32 bytes) of a torch tensor, numpy array or nested list."""
    if hasattr(value, "detach"):  # torch
        value = value.detach().to("cpu")
        shape = list(value.shape)
        try:
            return shape, value.float().contiguous().numpy().astype("<f4").tobytes()
        except (RuntimeError, TypeError, AttributeError):  # torch without numpy
            flat = value.float().reshape(-1).tolist()
            return shape, struct.pack("<%df" % len(flat), *flat)
    if hasattr(value, "astype") and hasattr(value, "shape"):  # numpy
        return list(value.shape), value.astype("<f4").tobytes()
    shape, flat = _nested(value)
    return shape, struct.pack("<%df" % len(flat), *[float(v) for v in flat])


def _nested(value):
    if isinstance(value, (list, tuple)):
        parts = [_nested(v) for v in value]
        inner = parts[0][0] if parts else []
        return [len(value)] + inner, [x for _, flat in parts for x in flat]
    return [], [value]


def safetensors_bytes(tensors, metadata=None):
    """A safetensors file (F32) of {name: (shape, float32 bytes)}, in name order."""
    header, offset, chunks = {}, 0, []
    for name in sorted(tensors):
        shape, data = tensors[name]
        header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        chunks.append(data)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def _npy(shape, descr, data):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }" % (
        descr, "".join("%d, " % s for s in shape) if len(shape) == 1 else ", ".join(str(s) for s in shape))
    header = header.encode("latin1")
    header += b" " * (-(10 + len(header) + 1) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + data


def _npz(x, y):
    """An .npz with X (n x d, float64) and y (n, int64 labels or float64); with numpy through numpy."""
    x = x.detach().cpu() if hasattr(x, "detach") else x
    y = y.detach().cpu() if hasattr(y, "detach") else y
    try:
        import numpy
    except ImportError:
        numpy = None
    if numpy is not None:
        xs, ys = numpy.asarray(x, dtype=numpy.float64), numpy.asarray(y)
        if xs.ndim not in (2, 4) or ys.shape != (xs.shape[0],):
            raise FactlabError("data: X must be n x d (or n images C x H x W) and y hold n labels; shapes %s and %s"
                               % (xs.shape, ys.shape))
        out = io.BytesIO()
        numpy.savez(out, X=xs, y=ys.astype(numpy.int64) if (ys == numpy.round(ys)).all() else ys.astype(float))
        return out.getvalue()
    xs = x.tolist() if hasattr(x, "tolist") else x
    ys = y.tolist() if hasattr(y, "tolist") else y
    shape, flat = _nested(xs)
    if len(shape) not in (2, 4):
        raise FactlabError("data: X must be an n x d array (or n images C x H x W); it has shape %s" % shape)
    if len(ys) != shape[0]:
        raise FactlabError("data: y must hold one label per row of X (%d); it has %d" % (shape[0], len(ys)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("X.npy", _npy(shape, "<f8", struct.pack("<%dd" % len(flat), *[float(v) for v in flat])))
        if all(float(v) == int(v) for v in ys):
            z.writestr("y.npy", _npy([len(ys)], "<i8", struct.pack("<%dq" % len(ys), *[int(v) for v in ys])))
        else:
            z.writestr("y.npy", _npy([len(ys)], "<f8", struct.pack("<%dd" % len(ys), *[float(v) for v in ys])))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# the model


_ACTIVATIONS = {"ReLU": "relu", "Tanh": "tanh", "Identity": None}


def _architecture(model, activation):
    """(activation id, layer prefixes, convolutions) of a Sequential, or of a state_dict with `activation`.

    convolutions: the spec fields strides, paddings and pools of its Conv2d layers (empty strings without any)."""
    if isinstance(model, dict) or hasattr(model, "keys") and not hasattr(model, "children"):
        if activation not in ("relu", "tanh", "identity"):
            raise FactlabError("activation: a state_dict does not say its activation; allowed: relu, tanh, identity")
        prefixes = sorted({k.rsplit(".", 1)[0] for k in model.keys() if k.endswith(".weight")}, key=_natural)
        if not prefixes:
            raise FactlabError("model: the state_dict has no <layer>.weight tensors")
        return activation, prefixes, {"strides": "", "paddings": "", "pools": ""}
    if not hasattr(model, "named_children"):
        raise FactlabError("model: give a torch.nn.Sequential of Conv2d, MaxPool2d(2), Flatten, Linear layers and "
                           "ReLU/Tanh/Identity, or a state_dict and activation=")
    layers, seen, convs, dense = [], set(), [], False
    for name, child in model.named_children():
        kind = type(child).__name__
        if kind == "Linear":
            layers.append(name)
            dense = True
        elif kind == "Conv2d" and not dense:
            layers.append(name)
            convs.append(_convolution(name, child))
        elif kind == "MaxPool2d" and convs and not dense and convs[-1][2] == 0:
            _pooling(name, child)
            convs[-1][2] = 2
        elif kind == "Flatten" and convs and not dense:
            continue
        elif kind in _ACTIVATIONS:
            if _ACTIVATIONS[kind]:
                seen.add(_ACTIVATIONS[kind])
        else:
            raise FactlabError("model: layer %s (%s) is not supported here; allowed: Conv2d layers (each optionally "
                               "followed by one MaxPool2d(2)), Flatten, then Linear layers, with ReLU, Tanh, Identity"
                               % (name, kind))
    if not dense:
        raise FactlabError("model: the Sequential has no Linear layer")
    if len(seen) > 1:
        raise FactlabError("model: mixes activations %s; allowed: one of ReLU, Tanh, Identity" % sorted(seen))
    found = seen.pop() if seen else "identity"
    if activation and activation != found:
        raise FactlabError("activation: %s contradicts the model, which uses %s" % (activation, found))
    return found, layers, {field: ",".join(str(c[k]) for c in convs)
                           for k, field in enumerate(("strides", "paddings", "pools"))}


def _square(value):
    """The one side of an int or a pair of equal ints, else None."""
    if isinstance(value, int):
        return value
    if isinstance(value, (tuple, list)) and len(value) == 2 and value[0] == value[1]:
        return value[0]
    return None


def _convolution(name, conv):
    """[stride, padding, pool] of a Conv2d the lab's patch probe reads (square windows, zero padding)."""
    stride, padding = _square(conv.stride), _square(conv.padding)
    if (_square(conv.kernel_size) is None or stride is None or padding is None or _square(conv.dilation) != 1
            or conv.groups != 1 or getattr(conv, "padding_mode", "zeros") != "zeros"):
        raise FactlabError("model: layer %s (Conv2d) is not supported; allowed: square windows, equal strides and "
                           "integer zero paddings, no dilation, groups=1" % name)
    return [stride, padding, 0]


def _pooling(name, pool):
    """Only MaxPool2d(2) (2 x 2 windows of stride 2) passes through the probe exactly."""
    if (_square(pool.kernel_size) != 2 or _square(pool.stride) != 2 or _square(pool.padding) != 0
            or _square(pool.dilation) != 1 or pool.ceil_mode):
        raise FactlabError("model: layer %s (MaxPool2d) is not supported; allowed: MaxPool2d(2)" % name)


def _natural(name):
    return [int(p) if p.isdigit() else p for p in __import__("re").split(r"(\d+)", name)]


def _weights(model, prefixes):
    """A copy of the weights of the given layers: {name: (shape, float32 bytes)} is made later from it."""
    state = model.state_dict() if hasattr(model, "state_dict") else model
    copy = {}
    for p in prefixes:
        for suffix in (".weight", ".bias"):
            if p + suffix in state:
                t = state[p + suffix]
                if hasattr(t, "detach"):
                    t = t.detach().to("cpu", copy=True)
                elif hasattr(t, "copy"):
                    t = t.copy()
                else:
                    t = json.loads(json.dumps(t))
                copy[p + suffix] = t
    return copy


# ---------------------------------------------------------------------------------------------------------------
# HTTP


class _Lab:
    def __init__(self, url, token, timeout=60):
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def call(self, method, path, body=None, content_type="application/json"):
        """The JSON answer (None when empty); _Retryable for 408/429/5xx and no connection, FactlabError for 4xx."""
        if body is not None and content_type == "application/json":
            body = json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=body, method=method)
        request.add_header("X-Requested-With", "factlab-client")
        if body is not None:
            request.add_header("Content-Type", content_type)
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                text = answer.read()
                return json.loads(text) if text.strip() else None
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:2000]
            if e.code in RETRY_STATUSES:
                raise _Retryable("%s %s: %d %s" % (method, path, e.code, detail))
            raise FactlabError("%s %s: %d %s" % (method, path, e.code, detail))
        except (urllib.error.URLError, OSError) as e:
            raise _Retryable("%s %s: %s" % (method, path, e))

    def upload(self, path, field, filename, content):
        boundary = uuid.uuid4().hex
        body = ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n" % (boundary, field, filename)).encode()
        body += content + ("\r\n--%s--\r\n" % boundary).encode()
        return self.call("POST", path, body, "multipart/form-data; boundary=" + boundary)


def _with_retries(action, attempts, base=0.5, cap=30.0):
    """Runs action(); retries a _Retryable with exponential backoff and full jitter; raises the last one."""
    for attempt in range(attempts):
        try:
            return action()
        except _Retryable:
            if attempt == attempts - 1:
                raise
            time.sleep(min(cap, base * 2 ** attempt) * (0.5 + random.random()))


def _warn(message):
    sys.stderr.write("factlab: %s\n" % message)


# ---------------------------------------------------------------------------------------------------------------
# the spool: what could not be sent yet


class _Spool:
    def __init__(self, root, lab_url, run_id):
        self.dir = os.path.join(root, run_id)
        self.lab_url = lab_url
        self.run_id = run_id

    def _ready(self):
        os.makedirs(self.dir, exist_ok=True)
        meta = os.path.join(self.dir, "run.json")
        if not os.path.exists(meta):
            with open(meta, "w") as f:
                json.dump({"url": self.lab_url, "run": self.run_id}, f)

    def put(self, kind, step, payload):
        self._ready()
        name = "%s-%020d-%s" % (kind, step, uuid.uuid4().hex[:8])
        path = os.path.join(self.dir, name + (".safetensors" if kind == "checkpoint" else ".json"))
        with open(path + ".tmp", "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(path + ".tmp", path)

    def items(self):
        if not os.path.isdir(self.dir):
            return []
        names = [n for n in os.listdir(self.dir) if n.startswith(("checkpoint-", "log-", "finish-"))]
        return sorted(names, key=lambda n: (n.startswith("finish-"), n))  # finish last


def _send_item(lab, run_id, kind, step, payload):
    if kind == "checkpoint":
        lab.call("PUT", "/api/runs/%s/checkpoints/%d" % (run_id, step), payload, "application/octet-stream")
    elif kind == "log":
        lab.call("POST", "/api/runs/%s/scalars" % run_id, payload)
    else:
        lab.call("POST", "/api/runs/%s/finish" % run_id, {})


def _flush_spool(lab, spool, attempts):
    """Sends what the spool holds, oldest first; True when it is empty. Stops at the first unreachable send."""
    for name in spool.items():
        path = os.path.join(spool.dir, name)
        kind, step = name.split("-")[0], int(name.split("-")[1])
        with open(path, "rb") as f:
            data = f.read()
        payload = data if kind == "checkpoint" else json.loads(data) if data else {}
        try:
            _with_retries(lambda: _send_item(lab, spool.run_id, kind, step, payload), attempts)
        except _Retryable as e:
            _warn("still unreachable (%s); %d items wait in %s" % (e, len(spool.items()), spool.dir))
            return False
        except FactlabError as e:
            _warn("the lab refused %s: %s" % (name, e))
        os.remove(path)
    return True


# ---------------------------------------------------------------------------------------------------------------
# the run


class Run:
    """A followed run: log(), checkpoint() and finish() never raise into the training loop."""

    def __init__(self, lab, run_id, url, prefixes, probe_every, spool_dir, attempts):
        self.id = run_id
        self.url = url
        self._lab = lab
        self._prefixes = prefixes
        self._probe_every = probe_every
        self._calls = 0
        self._attempts = attempts
        self._spool = _Spool(spool_dir, lab.url, run_id)
        self._queue = queue.Queue(_QUEUE_SIZE)
        self._finished = False
        self._thread = threading.Thread(target=self._send_loop, name="factlab-sender", daemon=True)
        self._thread.start()

    def log(self, step, values):
        """Scalars of this step (any names), shown as the series log/<name>."""
        try:
            clean = {str(k): float(v.item() if hasattr(v, "item") else v) for k, v in dict(values).items()}
            self._put("log", int(step), {"step": int(step), "values": clean})
        except Exception as e:  # never into the training loop
            _warn("log(%s) was not recorded: %s" % (step, e))

    def checkpoint(self, step, model):
        """The model's weights at this step (every probe_every-th call is sent); copied before this returns."""
        try:
            self._calls += 1
            if (self._calls - 1) % self._probe_every:
                return
            self._put("checkpoint", int(step), _weights(model, self._prefixes))
        except Exception as e:
            _warn("checkpoint(%s) was not recorded: %s" % (step, e))

    def finish(self):
        """Sends everything still waiting, then tells the lab the run is over. Returns the run's URL."""
        if self._finished:
            return self.url
        self._finished = True
        try:
            self._queue.put(_STOP)
            self._thread.join()
            if _flush_spool(self._lab, self._spool, self._attempts):
                try:
                    _with_retries(lambda: _send_item(self._lab, self.id, "finish", 0, {}), self._attempts)
                except _Retryable:
                    self._spool.put("finish", 0, b"{}")
                    _warn("the lab is unreachable: send the rest later with  python %s sync %s"
                          % (os.path.abspath(__file__), os.path.dirname(self._spool.dir)))
            else:
                self._spool.put("finish", 0, b"{}")
                _warn("the lab is unreachable: send the rest later with  python %s sync %s"
                      % (os.path.abspath(__file__), os.path.dirname(self._spool.dir)))
        except Exception as e:
            _warn("finish: %s" % e)
        return self.url

    def _put(self, kind, step, payload):
        try:
            self._queue.put_nowait((kind, step, payload))
        except queue.Full:  # the lab is slower than training: keep it on disk rather than wait
            self._spool.put(kind, step, self._encode(kind, payload))

    def _encode(self, kind, payload):
        if kind == "checkpoint":
            return safetensors_bytes({k: _flat_float32(v) for k, v in payload.items()})
        return json.dumps(payload).encode()

    def _send_loop(self):
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            kind, step, payload = item
            try:
                data = self._encode(kind, payload)
                body = data if kind == "checkpoint" else payload
                if self._spool.items():  # keep the order: older items first
                    self._spool.put(kind, step, data)
                    _flush_spool(self._lab, self._spool, self._attempts)
                    continue
                _with_retries(lambda: _send_item(self._lab, self.id, kind, step, body), self._attempts)
            except _Retryable as e:
                _warn("%s at step %d kept in %s (%s)" % (kind, step, self._spool.dir, e))
                self._spool.put(kind, step, data)
            except FactlabError as e:
                _warn("the lab refused %s at step %d: %s" % (kind, step, e))
            except Exception as e:
                _warn("%s at step %d was not sent: %s" % (kind, step, e))


def _dataset(lab, data):
    if isinstance(data, str):
        return data
    if isinstance(data, (tuple, list)) and len(data) == 2:
        answer = lab.upload("/api/datasets", "file", "probe.npz", _npz(*data))
        return answer["id"]
    raise FactlabError("data: give (X, y) arrays or the id of an uploaded or bundled dataset")


def start(url=None, model=None, data=None, loss="mse", weight_decay=0.0, name=None, token=None, probe_every=1,
          activation=None, idle_timeout=None, spool_dir=None, retries=8):
    """Starts a followed run on the lab; raises FactlabError when the model, the data or the lab refuse it."""
    url = url or os.environ.get("FACTLAB_URL")
    token = token or os.environ.get("FACTLAB_TOKEN")
    if not url:
        raise FactlabError("url: give the lab's address or set FACTLAB_URL")
    if loss not in ("mse", "cross-entropy"):
        raise FactlabError("loss: '%s'; allowed: mse, cross-entropy" % loss)
    if int(probe_every) < 1:
        raise FactlabError("probe_every: %s; allowed: an integer >= 1" % probe_every)
    found, prefixes, convolutions = _architecture(model, activation)
    lab = _Lab(url, token)
    try:
        dataset = _with_retries(lambda: _dataset(lab, data), 3)
        spec = {"dataset": dataset, "loss": loss, "lambda": float(weight_decay), "activation": found,
                "layers": ",".join(prefixes), "probeEvery": int(probe_every)}
        spec.update({k: v for k, v in convolutions.items() if v})
        if idle_timeout is not None:
            spec["idleTimeout"] = int(idle_timeout)
        body = {"kind": "follow", "spec": spec}
        if name:
            body["name"] = name
        answer = _with_retries(lambda: lab.call("POST", "/api/runs", body), 3)
    except _Retryable as e:
        raise FactlabError("the lab at %s cannot be reached: %s" % (url, e))
    spool = spool_dir or os.environ.get("FACTLAB_SPOOL") or os.path.join(os.path.expanduser("~"), ".factlab",
                                                                        "spool")
    return Run(lab, answer["id"], lab.url + answer["url"], prefixes, int(probe_every), spool, retries)


def sync(directory, token=None):
    """Sends what runs spooled under `directory` (one folder per run); True when everything was sent."""
    token = token or os.environ.get("FACTLAB_TOKEN")
    done = True
    for run_id in sorted(os.listdir(directory)):
        meta = os.path.join(directory, run_id, "run.json")
        if not os.path.exists(meta):
            continue
        with open(meta) as f:
            info = json.load(f)
        spool = _Spool(directory, info["url"], run_id)
        if _flush_spool(_Lab(info["url"], token), spool, 3):
            os.remove(meta)
            os.rmdir(spool.dir)
            print("run %s: everything sent" % run_id)
        else:
            done = False
    return done


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "sync":
        sys.exit("usage: python factlab_client.py sync DIR   (FACTLAB_TOKEN for a lab with login on)")
    sys.exit(0 if sync(sys.argv[2]) else 1)
