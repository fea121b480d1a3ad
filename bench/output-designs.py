#!/usr/bin/python3
"""Which network design the default predictor uses, measured (docs/learning.md, "Choosing the design").

On the crystalline SiO2 sites of data/dataset.h5 (conduction input -> target, groups = materials), 5-fold group
cross-validation (whole materials held out; folds dealt largest material first to the smallest fold), per-site MSE,
and a 95% percentile bootstrap interval over materials (1000 resamples). Baselines (mean spectrum, kNN with k by
inner group CV, ridge with lambda by inner group CV) average two repeats of the folds; each network design one.
Network designs: one hidden ReLU layer on standardised inputs, 5 members (the ensemble's mean is scored),
full-batch Adam, early stopping on a fifth of the training materials checked every 10 epochs, the output either
linear or "smooth" = fixed Gaussian smoothing (sigma 0.5 eV = 5 points, unit-sum columns) of softplus(z), or
"resid" = a linear network fitting ridge's residual. Also printed: the lowest predicted value and the mean
squared second difference of the predictions over that of the targets ("d2ratio").

    /usr/bin/python3 bench/output-designs.py                  # the baselines
    /usr/bin/python3 bench/output-designs.py mlp64_smooth ...  # designs by name (see DESIGNS), each a few minutes
"""
import sys, time
import h5py, numpy as np, torch
from sklearn.linear_model import Ridge
from sklearn.neighbors import KNeighborsRegressor

torch.set_num_threads(1)
OXIDES = {'Li2O', 'MgO', 'alpha-Al2O3', 'alpha-GeO2', 'SrTiO3'}
DESIGNS = {
    'mlp64_smooth': dict(hidden=64, out='smooth'),
    'mlp64_linear': dict(hidden=64, out='linear'),
    'mlp256_smooth': dict(hidden=256, out='smooth'),
    'mlp32_smooth': dict(hidden=32, out='smooth'),
    'mlp64_smooth_wd1e-2': dict(hidden=64, out='smooth', wd=1e-2),
    'mlp64_smooth_noearly': dict(hidden=64, out='smooth', early=False, epochs=800),
    'mlp64_smooth_m10': dict(hidden=64, out='smooth', members=10),
    'resid64_linear': dict(hidden=64, out='linear', resid='ridge'),
    'skip64_smooth': dict(hidden=64, out='smooth', skip=True),
}


def load(path='data/dataset.h5'):
    f = h5py.File(path)
    mat = np.array([x.decode() if isinstance(x, bytes) else x for x in f['sites/material'][:]])
    X, Y = f['inputs/conduction'][:].astype(np.float64), f['target'][:].astype(np.float64)
    crystalline = np.array([not m.startswith('a-') and m not in OXIDES for m in mat])
    return X[crystalline], Y[crystalline], mat[crystalline]


def group_folds(groups, k, seed):
    units = np.unique(groups); np.random.RandomState(seed).shuffle(units)
    sizes, fold = np.zeros(k), {}
    for g in sorted(units, key=lambda g: -(groups == g).sum()):
        t = int(np.argmin(sizes)); fold[g] = t; sizes[t] += (groups == g).sum()
    return np.array([fold[g] for g in groups])


def select_by_inner_cv(make, candidates, X, Y, g):
    fo, best = group_folds(g, 4, 1), None
    for c in candidates:
        e = sum(((make(c).fit(X[fo != k], Y[fo != k]).predict(X[fo == k]) - Y[fo == k]) ** 2).sum() for k in range(4))
        if best is None or e < best[0]: best = (e, c)
    return make(best[1]).fit(X, Y)


def ridge_fit(X, Y, g): return select_by_inner_cv(lambda a: Ridge(alpha=a), 10.0 ** np.arange(-3, 4), X, Y, g)
def knn_fit(X, Y, g): return select_by_inner_cv(KNeighborsRegressor, [1, 2, 3, 5, 8, 12], X, Y, g)


class Mean:
    def __init__(self, Y): self.m = Y.mean(0)
    def predict(self, X): return np.tile(self.m, (len(X), 1))


E = np.arange(160) * 0.1
G = np.exp(-0.5 * ((E[:, None] - E[None, :]) / 0.5) ** 2)


class Skip(torch.nn.Module):
    """A network plus a linear path from input to output (before the output layer's nonlinearity)."""
    def __init__(self, net, linear):
        super().__init__(); self.net, self.linear = net, linear
    def __getitem__(self, i): return self.net[i]
    def forward(self, x): return self.net(x) + self.linear(x)


def mlp_fit(X, Y, g, hidden=64, members=5, out='smooth', epochs=1500, wd=1e-4, lr=3e-3, resid=None, early=True, seed=0, skip=False):
    mu, sd = X.mean(0), X.std(0); sd = np.maximum(sd, 0.1 * sd.mean() + 1e-9)
    Xs, Yt = torch.tensor((X - mu) / sd, dtype=torch.float32), torch.tensor(Y, dtype=torch.float32)
    Gt = torch.tensor(G / G.sum(0, keepdims=True), dtype=torch.float32)  # unit-sum columns
    base = None if resid is None else torch.tensor(resid.predict(X), dtype=torch.float32)

    def fwd(net, x):
        z = net(x)
        return torch.nn.functional.softplus(z) @ Gt.T if out == 'smooth' else z

    nets = []
    for m in range(members):
        torch.manual_seed(seed * 100 + m)
        units = np.unique(g); np.random.RandomState(seed * 100 + m).shuffle(units)
        va = np.isin(g, units[:max(1, len(units) // 5)]); tr = ~va if early else np.ones(len(g), bool)
        net = torch.nn.Sequential(torch.nn.Linear(X.shape[1], hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 160))
        if skip: net = Skip(net, torch.nn.Linear(X.shape[1], 160, bias=False))
        with torch.no_grad():
            ym = torch.tensor(np.maximum(Y.mean(0), 1e-3), dtype=torch.float32)
            if base is not None: net[2].bias.zero_()
            else: net[2].bias.copy_(torch.log(torch.expm1(ym)) if out == 'smooth' else ym)
        opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=wd)
        best = (1e9, None)
        for ep in range(epochs):
            opt.zero_grad(); p = fwd(net, Xs[tr])
            if base is not None: p = p + base[tr]
            ((p - Yt[tr]) ** 2).mean().backward(); opt.step()
            if early and ep % 10 == 0:
                with torch.no_grad():
                    pv = fwd(net, Xs[va]) + (0 if base is None else base[va])
                    v = ((pv - Yt[va]) ** 2).mean().item()
                if v < best[0]: best = (v, [q.detach().clone() for q in net.parameters()])
        if early:
            with torch.no_grad():
                for q, b in zip(net.parameters(), best[1]): q.copy_(b)
        nets.append(net)

    class Ensemble:
        def predict(self, Xn):
            with torch.no_grad():
                ps = np.stack([fwd(n, torch.tensor((Xn - mu) / sd, dtype=torch.float32)).numpy() for n in nets])
            return (ps + (0 if resid is None else resid.predict(Xn)[None])).mean(0)
    return Ensemble()


def design(name):
    c = dict(DESIGNS[name])
    def fit(X, Y, g):
        if c.get('resid') == 'ridge': return mlp_fit(X, Y, g, **{**c, 'resid': ridge_fit(X, Y, g)})
        return mlp_fit(X, Y, g, **c)
    return fit


def main(names):
    X, Y, mat = load()
    print(f'{len(Y)} crystalline sites from {len(set(mat))} materials', flush=True)
    fits = {'mean': lambda X, Y, g: Mean(Y), 'knn': knn_fit, 'ridge': ridge_fit}
    for name in names or ['mean', 'knn', 'ridge']:
        fit, t, per = fits.get(name) or design(name), time.time(), []
        P = np.zeros_like(Y)
        for rep in range(2 if name in fits else 1):
            fo = group_folds(mat, 5, rep + 10)
            for k in range(5):
                P[fo == k] = fit(X[fo != k], Y[fo != k], mat[fo != k]).predict(X[fo == k])
            per.append(((P - Y) ** 2).mean(1))
        e = np.mean(per, 0)
        units, r = np.unique(mat), np.random.RandomState(0)
        idx = {u: np.where(mat == u)[0] for u in units}
        bs = [e[np.concatenate([idx[u] for u in r.choice(units, len(units))])].mean() for _ in range(1000)]
        d2 = lambda A: (np.diff(A, 2, axis=1) ** 2).mean()
        print(f'{name:22s} mse {e.mean():.4f} [{np.percentile(bs, 2.5):.4f},{np.percentile(bs, 97.5):.4f}] '
              f'min {P.min():.3f} d2ratio {d2(P) / d2(Y):.2f} {time.time() - t:.0f}s', flush=True)


if __name__ == '__main__':
    main(sys.argv[1:])
