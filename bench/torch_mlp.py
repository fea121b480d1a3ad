#!/usr/bin/python3
"""PyTorch CPU side of bench/run-mlp.sh: trains the paper's MLP on the same work as CoreHole.Bench.

Work per configuration: 1000 random samples 160 -> 160, hidden widths as given, ReLU, dropout 0.5 on hidden
layers not linked to the output layer, MSE, Adam(lr=1e-3, weight_decay=1e-5), batch 32 reshuffled each epoch
with the last partial batch kept, 50 timed epochs after one untimed warm-up epoch. Batches are sliced from
tensors (no DataLoader) so that Python overhead stays as small as PyTorch allows.

Prints one JSON object per configuration: median samples/s over the repeats and the per-repeat seconds.
"""
import argparse
import json
import multiprocessing
import statistics
import time

import torch

SAMPLES, FEATURES, BATCH, EPOCHS = 1000, 160, 32, 50


def build(hidden, dropout=0.5):
    layers, width = [], FEATURES
    for i, h in enumerate(hidden):
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        if i < len(hidden) - 1:  # hidden layers not linked to the output layer
            layers.append(torch.nn.Dropout(dropout))
        width = h
    layers.append(torch.nn.Linear(width, FEATURES))
    return torch.nn.Sequential(*layers)


def train_seconds(hidden, threads, foreach, seed=0, epochs=EPOCHS):
    """Seconds for `epochs` epochs of training, after one warm-up epoch."""
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    x, y = torch.rand(SAMPLES, FEATURES), torch.rand(SAMPLES, FEATURES)
    model = build(hidden)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5, foreach=foreach)
    loss_fn = torch.nn.MSELoss()

    def epoch():
        order = torch.randperm(SAMPLES)
        for start in range(0, SAMPLES, BATCH):
            index = order[start:start + BATCH]
            optimiser.zero_grad(set_to_none=True)
            loss_fn(model(x[index]), y[index]).backward()
            optimiser.step()

    model.train()
    epoch()
    start = time.perf_counter()
    for _ in range(epochs):
        epoch()
    return time.perf_counter() - start


def concurrent_seconds(hidden, trainings, foreach):
    """Wall seconds for `trainings` independent single-threaded trainings run as parallel processes."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(trainings) as pool:
        start = time.perf_counter()
        pool.starmap(train_seconds, [(hidden, 1, foreach, seed) for seed in range(trainings)])
        return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hidden", required=True, help="comma-separated hidden widths, e.g. 500,500")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--concurrent", type=int, default=0,
                        help="instead: run this many independent 1-thread trainings as parallel processes")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="fewer for a quick probe")
    args = parser.parse_args()
    hidden = [int(h) for h in args.hidden.split(",")]

    # PyTorch's best of its two Adam implementations on this configuration, judged on a short probe each.
    best = {}
    for foreach in (False, True):
        best[foreach] = train_seconds(hidden, max(args.threads, 1), foreach, epochs=3)
    foreach = min(best, key=best.get)

    seconds = []
    for _ in range(args.repeats):
        if args.concurrent:
            seconds.append(concurrent_seconds(hidden, args.concurrent, foreach))
        else:
            seconds.append(train_seconds(hidden, args.threads, foreach, epochs=args.epochs))
    trainings = max(args.concurrent, 1)
    print(json.dumps({
        "hidden": hidden, "threads": args.concurrent or args.threads, "trainings": trainings,
        "adam_foreach": foreach,
        "samples_per_s": trainings * SAMPLES * args.epochs / statistics.median(seconds),
        "seconds": [round(s, 3) for s in seconds],
    }))


if __name__ == "__main__":
    main()
