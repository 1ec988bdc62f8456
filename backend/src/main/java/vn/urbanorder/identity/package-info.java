/** Users, their roles and sign-in: who the caller is and what their role lets them do, in their ward. */
package vn.urbanorder.identity;
