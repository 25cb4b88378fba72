package io.github.camelicloud.app;

public final class Main {
    public static void main(String[] args) {
        System.out.println("camel-icloud");
    }
}
