(** Utilities. *)
val add : int -> int -> int

(** The default limit. *)
val limit : int

val ( +! ) : int -> int -> int

external length : 'a array -> int = "%array_length"

type shape = Circle of float | Square of float

type person = { name : string; mutable age : int }

exception Empty

module type S = sig
  type t
  val compare : t -> t -> int
end

module Stack : sig
  val push : 'a -> 'a list -> 'a list
end

module Make (Ord : sig type t end) : S with type t = Ord.t

class counter : object
  method incr : int
end
