package com.example

/** A user. */
class User(val name: String) : Entity() {
    constructor() : this("anon")

    fun greet(other: User): String {
        return "hi ${other.name}"
    }

    companion object {
        fun create(): User = User()
    }
}

interface Repo {
    fun find(id: Long): User?
}

object Registry {
    fun register(user: User) {}
}

enum class Role { ADMIN }

data class Point(val x: Int, val y: Int)

suspend fun load(id: Long): User {
    return User()
}

typealias Users = List<User>

const val MAX_USERS = 100
val defaultName = "anon"
var counter = 0

class Account(val id: Long, name: String) {
    val balance = 0
    companion object {
        fun empty() = Account(0, "")
    }
    companion object Factory {
        fun make() = Account(1, "x")
    }
}

enum class Level { LOW, HIGH }

fun interface Filter<T> {
    fun accept(t: T): Boolean
}

class Flags(val debug: Boolean = false, val tag: String? = null, name: String = "x")
