package org.shebao.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserAdministration;
import org.shebao.identity.UserAdministration.NewAccount;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration over the API, for the security administrator (the same rules as the screen). */
@RestController
@RequestMapping("/api/v1/users")
@RequiredArgsConstructor
class UserApi {
    private final UserAdministration admin;

    @GetMapping
    @Operation(summary = "本辖区的工作人员账户（安全管理员）")
    List<UserAdministration.Account> list(@AuthenticationPrincipal ShebaoUser user) {
        return admin.accounts(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建工作人员账户；返回一次性密码（只此一次），首次登录须修改")
    Map<String, String> create(@AuthenticationPrincipal ShebaoUser user, @RequestBody NewAccount a) {
        String oneTime = admin.create(user, a);
        return Map.of("username", a.username(), "oneTimePassword", oneTime);
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "重置密码为一次性密码（只此一次显示）")
    Map<String, String> reset(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return Map.of("oneTimePassword", admin.resetPassword(user, id));
    }

    @PostMapping("/{id}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "解锁账户")
    void unlock(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        admin.unlock(user, id);
    }
}
