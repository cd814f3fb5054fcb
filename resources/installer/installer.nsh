; Läsaren's additions to electron-builder's NSIS installer: register the lasaren:// link
; protocol for the installing user (HKCU in a per-user install, so no administrator rights),
; so links in exported notes open Läsaren before it has ever been started, and remove it
; again on uninstall. The command mirrors Electron's own setAsDefaultProtocolClient.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\lasaren" "" "URL:Läsaren"
  WriteRegStr SHELL_CONTEXT "Software\Classes\lasaren" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\lasaren\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\lasaren\shell\open\command" "" '"$appExe" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\lasaren"
!macroend
