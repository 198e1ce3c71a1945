# apps/echo on a vif of xenbr0 (netfront, lwIP), as its own cfg has it
# (ip= "192.0.2.2 255.255.255.0 192.0.2.1"), with dom0 as the peer
# (data/echo-peer.sh, tests/rig/netpeer.c checks every byte):
#  - basic: ping; TCP and UDP echo; 50 connections at once, 32 KiB each;
#    a peer that resets in the middle of 4 MB (the guest's connection
#    ends by ECONNRESET) and an echo after it;
#  - bulk: 10 MB each way through echo, dom0's CRC-32 equal to the one
#    the guest computed of what it read and to that of what came back;
#    10 MB into discard and out of chargen (one way each, MB/s);
#  - shutdown: 5 connections open, then `xl shutdown`: the guest closes
#    them, each peer reads end of file, the vif's counters are printed,
#    and the domain powers off.
# Each phase starts on the guest's line for the last step of the one
# before. The handshake is traced (trace=devices).
app     echo
args    trace=devices
dom0file data/echo-peer.sh
action  on ^echo: serving run sh $FILES/echo-peer.sh basic
action  on ^echo: tcp .*: 999 bytes read run sh $FILES/echo-peer.sh bulk
action  on ^echo: chargen .* sent run sh $FILES/echo-peer.sh shutdown
timeout 120
expect  poweroff
match   ^dev: vif 0: mac 00:16:3e:00:00:07, mtu 1500; 256 RX buffers
match   ^dev: vif 0: rings granted to dom0 \(refs [0-9]+ [0-9]+\), event channel [0-9]+, request-rx-copy = 1, feature-rx-notify = 1, feature-no-csum-offload = 1; Initialised$
match   ^dev: vif 0: Connected \(the backend connects on our Connected\)$
match   ^dev: vif 0 \(00:16:3e:00:00:07\): backend Connected$
match   ^net: vif 0 \(00:16:3e:00:00:07, mtu 1500\): 192\.0\.2\.2/24, gateway 192\.0\.2\.1, from ip= in the cfg$
match   ^echo: serving echo \(TCP, UDP 7\), discard \(TCP 9\), chargen \(TCP 19\) on 1 vif\(s\)$
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: 1000 bytes read
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: [0-9]+ bytes read, .*ended by Connection reset by peer$
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: 999 bytes read
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: 10000000 bytes read, crc32 [0-9a-f]{8}, [0-9]+ ms, [0-9.]+ MB/s$
match   ^echo: discard 192\.0\.2\.1:[0-9]+: 10000000 bytes read
match   ^echo: chargen 192\.0\.2\.1:[0-9]+: [0-9]+ bytes sent
match   ^lifecycle: request 'poweroff' from the toolstack$
match   ^echo: shutdown: 5 connection\(s\) open, closing them$
match   ^echo: tcp 192\.0\.2\.1:[0-9]+: 8 bytes read, crc32 [0-9a-f]{8}, [0-9]+ ms, [0-9.]+ MB/s$
match   ^echo: shutdown: 0 connection\(s\) left$
match   ^net: vif 0: rx [0-9]+ frames .* 0 tx dropped, 0 rx / 0 tx errors; 322 grants$
nomatch checksum-blank
nomatch the vif stops
xlmatch ^peer: ping: 3 of 3 answered$
xlmatch ^netpeer: tcp: 1 connection\(s\) x 1000 bytes: 1 echoed intact, 0 failed
xlmatch ^netpeer: udp: 100 of 100 datagrams of 1000 bytes echoed intact
xlmatch ^netpeer: tcp: 50 connection\(s\) x 32768 bytes: 50 echoed intact, 0 failed
xlmatch ^netpeer: reset: [0-9]+ bytes sent, nothing read, then RST$
xlmatch ^netpeer: tcp: 1 connection\(s\) x 999 bytes: 1 echoed intact
xlmatch ^peer: 10 MB each way intact: crc32 ([0-9a-f]{8}) sent, \1 read by the guest, \1 back$
xlmatch ^peer: discard: the guest read crc32 [0-9a-f]{8} too$
xlmatch ^netpeer: recv: 10000000 bytes of the chargen pattern
xlmatch ^netpeer: hold: 5 connection\(s\) open and echoing$
xlmatch ^netpeer: hold: 5 of 5 ended by the guest \(end of file\)$
xlnomatch FAILED
