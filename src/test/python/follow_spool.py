"""The client's spool, for FollowClientTest: a run is started on the lab at URL, then the lab "goes away" (the
client's connection is pointed at a closed port), so three checkpoints, their scalars and finish() land in the spool
folder SPOOL without an exception; the test then sends them with `python factlab_client.py sync SPOOL`.

    python3 follow_spool.py URL SPOOL OUT.json
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "clients", "python"))
import factlab_client as factlab  # noqa: E402


def main():
    url, spool, out = sys.argv[1], sys.argv[2], sys.argv[3]
    torch.manual_seed(1)
    x = torch.randn(30, 4)
    y = torch.arange(30) % 2
    net = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.ReLU(), torch.nn.Linear(6, 2))
    run = factlab.start(url, model=net, data=(x, y), loss="cross-entropy", weight_decay=1e-3, name="spooled",
                        spool_dir=spool, retries=2)
    run._lab = factlab._Lab("http://127.0.0.1:9", None)  # the lab is unreachable from now on
    sgd = torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=1e-3)
    for step in range(1, 4):
        sgd.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(x), y)
        loss.backward()
        sgd.step()
        run.log(step, {"train/loss": loss.item()})
        run.checkpoint(step, net)
    run.finish()
    with open(out, "w") as f:
        json.dump({"id": run.id, "spooled": sorted(os.listdir(os.path.join(spool, run.id)))}, f)


if __name__ == "__main__":
    main()
