import { PickleWriter } from "./pickle-writer.js";

/**
 * Real-shaped benign pickles, written opcode by opcode as torch.save, numpy and joblib write
 * them, for tests that must see no finding on ordinary models.
 */

/**
 * The data.pkl of torch.save(state_dict) (protocol 2): an OrderedDict of
 * `_rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())` whose storages
 * are persistent ids `('storage', torch.FloatStorage, key, 'cpu', numel)`, then `_metadata` by BUILD.
 */
export function torchStateDictPickle(tensors: readonly string[]): Uint8Array {
  const w = new PickleWriter().proto(2);
  w.global("collections", "OrderedDict").put(0).emptyTuple().reduce().put(1).mark();
  let memo = 2;
  let rebuild = -1;
  let storageClass = -1;
  tensors.forEach((name, index) => {
    w.unicode(name).put(memo++);
    if (rebuild < 0) {
      rebuild = memo++;
      w.global("torch._utils", "_rebuild_tensor_v2").put(rebuild);
    } else w.get(rebuild);
    w.mark().mark().unicode("storage").put(memo++);
    if (storageClass < 0) {
      storageClass = memo++;
      w.global("torch", "FloatStorage").put(storageClass);
    } else w.get(storageClass);
    w.unicode(String(index)).unicode("cpu").int(6).tuple().put(memo++).binpersid();
    w.int(0).int(2).int(3).tuple2().put(memo++).int(3).int(1).tuple2().put(memo++).bool(false);
    w.get(0).emptyTuple().reduce().put(memo++).tuple().put(memo++).reduce().put(memo++);
  });
  w.setitems().emptyDict().put(memo++).unicode("_metadata").put(memo++).get(0).emptyTuple().reduce().put(memo++);
  w.mark().unicode("").emptyDict().unicode("version").int(1).setitem().setitems().setitem().build().stop();
  return w.toBytes();
}

/** numpy.ndarray pickled with numpy.core.multiarray._reconstruct (as pickle.dumps(array) writes). */
export function numpyArrayPickle(core: "numpy.core" | "numpy._core" = "numpy.core"): Uint8Array {
  const w = new PickleWriter().proto(2);
  w.global(`${core}.multiarray`, "_reconstruct").put(0).global("numpy", "ndarray").put(1);
  w.int(0).tuple1().bytes(new TextEncoder().encode("b")).tuple3().reduce().put(2);
  w.mark().int(1).int(3).tuple1();
  w.global("numpy", "dtype").put(3).unicode("f8").bool(false).bool(true).tuple3().reduce().put(4);
  w.mark()
    .int(3)
    .unicode("<")
    .none()
    .none()
    .none()
    .int(0xffffffff | 0)
    .int(-1)
    .int(0)
    .tuple()
    .build();
  w.bool(false).bytes(new Uint8Array(24)).tuple().build().stop();
  return w.toBytes();
}

/**
 * A joblib dump of one float64 array: the NumpyArrayWrapper built by NEWOBJ and BUILD, then the
 * alignment padding and the array's raw bytes inside the pickle stream, then STOP.
 */
export function joblibArrayPickle(values = 4, dtype = "<f8"): Uint8Array {
  const w = new PickleWriter().proto(4);
  w.global("joblib.numpy_pickle", "NumpyArrayWrapper").memoize().emptyTuple().newobj().memoize();
  w.emptyDict().memoize().mark();
  w.unicode("subclass").global("numpy", "ndarray").memoize();
  w.unicode("shape").int(values).tuple1();
  w.unicode("order").unicode("C");
  w.unicode("dtype")
    .global("numpy", "dtype")
    .memoize()
    .unicode(dtype.slice(1))
    .bool(false)
    .bool(true)
    .tuple3()
    .reduce();
  w.mark().int(3).unicode("<").none().none().none().int(-1).int(-1).int(0).tuple().build();
  w.unicode("allow_mmap").bool(false);
  w.unicode("numpy_array_alignment_bytes").int(16);
  w.setitems().build();
  const itemSize = Number(dtype.slice(2)) || 8;
  w.raw(3, 0xff, 0xff, 0xff);
  w.raw(...new Uint8Array(values * itemSize).fill(0x2e));
  return w.stop().toBytes();
}
