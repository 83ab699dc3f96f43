#!/usr/bin/python3
"""The client's ceiling: serves one file of the same bytes as a WADO-RS response would carry by plain sendfile (no
server work at all), so the benchmark shows how fast curl can take a body this size on this machine.

Usage: rawserve.py <file> <port>   (serves every request until killed)"""
import os, socket, sys

path, port = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(8)
while True:
    client, _ = server.accept()
    with client:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = client.recv(65536)
            if not chunk:
                break
            request += chunk
        client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: multipart/related\r\nContent-Length: %d\r\n"
                       b"Connection: close\r\n\r\n" % size)
        with open(path, "rb") as f:
            client.sendfile(f)
