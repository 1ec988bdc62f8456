/** Wards (phường/xã): the tenants, with their time zone and service area. */
package vn.urbanorder.ward;
