(* Utilities. *)
let add x y = x + y

let rec fact n = if n = 0 then 1 else n * fact (n - 1)

let square = fun x -> x * x

module Stack = struct
  let push x s = x :: s
end

type shape = Circle of float | Square of float

class counter = object
  method incr = 1
end

module type S = sig
  val v : int
end

let limit = 10

let ( +! ) a b = a + b

type person = { name : string; mutable age : int }
